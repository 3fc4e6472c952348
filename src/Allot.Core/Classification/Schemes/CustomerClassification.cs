namespace Allot.Core.Classification.Schemes;

/// <summary>Everything a scheme says about one customer.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Tier">The class given by the scheme's tier_from classifier.</param>
/// <param name="Segment">The class given by segment_from, or null when the scheme names none.</param>
/// <param name="LifecycleStage">The class given by lifecycle_from, or null when the scheme names none.</param>
/// <param name="Tags">Outcomes of the matching rules of every all-match rules classifier, in classifier then
/// rule order, each once; empty when none matched (the default class is not a tag).</param>
/// <param name="Assignments">What every classifier said and why, one per classifier in the scheme's order (the
/// order of <see cref="SchemeOutcome.Results"/>).</param>
public sealed record CustomerClassification(string CustomerKey, string Tier, string? Segment, string? LifecycleStage,
    IReadOnlyList<string> Tags, IReadOnlyList<ClassAssignment> Assignments);
