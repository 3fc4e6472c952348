namespace Allot.Core.Classification;

/// <summary>A tier reached by a minimum score: a customer is in the first tier whose <paramref name="MinScore"/> its score
/// reaches (inclusive).</summary>
/// <param name="Name">Tier name, e.g. "高价值".</param>
/// <param name="MinScore">Lowest score of the tier, 0–100, inclusive.</param>
public sealed record ScoreTier(string Name, double MinScore);
