namespace Allot.Core.Value;

/// <summary>A valuable customer who has probably stopped buying.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Row">Row in the summaries and scores.</param>
/// <param name="ProbabilityAlive">P(alive), below the threshold.</param>
/// <param name="Value">The customer's value on the chosen basis, at or above the high-value cut.</param>
/// <param name="ValueAtRisk">(1 − P(alive)) × value: what is likely lost; warnings are ranked by it.</param>
public sealed record ChurnWarning(string CustomerKey, int Row, double ProbabilityAlive, double Value, double ValueAtRisk);
