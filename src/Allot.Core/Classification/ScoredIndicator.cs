namespace Allot.Core.Classification;

/// <summary>One indicator of a weighted score.</summary>
/// <param name="Name">A numeric indicator of the table.</param>
/// <param name="Weight">Its weight, ≥ 0 and finite; weights need not sum to 1 (the score divides by their sum).</param>
/// <param name="Direction">Whether larger values are better.</param>
public sealed record ScoredIndicator(string Name, double Weight, ScoreDirection Direction = ScoreDirection.HigherIsBetter);
