namespace Allot.Core.Classification.Schemes;

/// <summary>A named set of classifiers and which of them give a customer's tier, segment, lifecycle stage and
/// tags; what a scheme file describes (<see cref="SchemeParser"/>) and <see cref="SchemeRunner"/> runs.</summary>
/// <remarks>Tags come from every <see cref="RulesSpec"/> in all-match mode: each matching rule's outcome is a
/// tag. A classifier named by none of tier_from, segment_from and lifecycle_from still runs and is reported.</remarks>
/// <param name="Name">The scheme's name, e.g. "retail".</param>
/// <param name="Description">What the scheme is for, in words.</param>
/// <param name="AsOf">The date the indicators must describe, or null for any.</param>
/// <param name="Classifiers">The classifiers, names unique, run and reported in this order.</param>
/// <param name="TierFrom">The classifier whose class is the customer's tier.</param>
/// <param name="SegmentFrom">The classifier whose class is the customer's segment, or null.</param>
/// <param name="LifecycleFrom">The classifier whose class is the customer's lifecycle stage, or null.</param>
public sealed record Scheme(string Name, string Description, DateOnly? AsOf, IReadOnlyList<ClassifierSpec> Classifiers,
    string TierFrom, string? SegmentFrom, string? LifecycleFrom)
{
    /// <summary>The classifier of that name, or null.</summary>
    /// <param name="name">A classifier name.</param>
    public ClassifierSpec? Find(string name) => Classifiers.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
