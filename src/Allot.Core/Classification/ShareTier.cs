namespace Allot.Core.Classification;

/// <summary>A tier holding a share of the customers, taken in score order after the tiers before it.</summary>
/// <param name="Name">Tier name, e.g. "top".</param>
/// <param name="Share">Fraction of all customers, &gt; 0; the shares of all tiers sum to ≤ 1.</param>
public sealed record ShareTier(string Name, double Share);
