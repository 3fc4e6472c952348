namespace Allot.Storage;

/// <summary>One customer's result in a stored run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Tier">Tier.</param>
/// <param name="Segment">Segment, if the scheme sets one.</param>
/// <param name="LifecycleStage">Lifecycle stage, if the scheme sets one.</param>
/// <param name="Tags">Tags from all-match rules.</param>
/// <param name="Classes">Per classifier, in the scheme's order: its name, the class, the reason and the numbers.</param>
/// <param name="Revenue">The customer's revenue (amount) at the run's as-of date.</param>
public sealed record StoredClassification(long RunId, string CustomerKey, string Tier, string? Segment, string? LifecycleStage,
    IReadOnlyList<string> Tags, IReadOnlyList<StoredClass> Classes, double Revenue)
{
    /// <summary>The customer's indicator figures at the run's as-of date, in the order of the run's
    /// <see cref="ClassificationRunInfo.FigureNames"/> (NaN when missing).</summary>
    public IReadOnlyList<double> Figures { get; init; } = [];
}
