namespace Allot.Storage;

/// <summary>A customer's labels in a classification run, without the reasons (for lists).</summary>
/// <param name="Tier">Tier.</param>
/// <param name="Segment">Segment, if the scheme sets one.</param>
/// <param name="LifecycleStage">Lifecycle stage, if the scheme sets one.</param>
public sealed record StoredClassLabels(string Tier, string? Segment, string? LifecycleStage);
