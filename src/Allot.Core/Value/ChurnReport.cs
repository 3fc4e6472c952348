namespace Allot.Core.Value;

/// <summary>The churn warnings of a book.</summary>
/// <param name="Warnings">Ranked by value at risk (largest first; ties by key).</param>
/// <param name="ValueCut">The high-value cut (the chosen quantile of the positive values).</param>
/// <param name="Options">The rule used.</param>
public sealed record ChurnReport(IReadOnlyList<ChurnWarning> Warnings, double ValueCut, ChurnOptions Options);
