namespace Allot.Storage.Runs;

/// <summary>What a classification says, per classifier and class (the JSON of <c>allot classify --format json</c>).</summary>
/// <param name="Run">The stored run's number, or null when not stored.</param>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="AsOf">The date the indicators describe.</param>
/// <param name="Customers">Customers classified (or in scope).</param>
/// <param name="TierFrom">The classifier whose class is the tier.</param>
/// <param name="Classifiers">Each classifier's classes, in the scheme's order.</param>
public sealed record ClassificationSummary(long? Run, string Scheme, DateOnly AsOf, int Customers, string TierFrom, IReadOnlyList<ClassifierSummary> Classifiers);
