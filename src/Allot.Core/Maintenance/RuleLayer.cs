using Allot.Core.Classification.Schemes;

namespace Allot.Core.Maintenance;

/// <summary>One layer of a rules file (defaults, a tier's, a segment's or a stage's block), kept as parsed.</summary>
internal sealed record RuleLayer(string Label, JsonNode Node, string Source);
