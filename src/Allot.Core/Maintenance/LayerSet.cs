namespace Allot.Core.Maintenance;

/// <summary>The layers of the rules file's top level or of one pool.</summary>
internal sealed record LayerSet(RuleLayer? Defaults, Dictionary<string, RuleLayer> Tiers, Dictionary<string, RuleLayer> Segments,
    Dictionary<string, RuleLayer> Stages);
