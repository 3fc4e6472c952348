namespace Allot.Core.Classification;

/// <summary>Whether a larger indicator value is better or worse for the score.</summary>
public enum ScoreDirection
{
    /// <summary>Larger is better (amount, orders, margin).</summary>
    HigherIsBetter,

    /// <summary>Smaller is better (collection_days, recency_days, complaints): the normalised value is flipped to 1 − x.</summary>
    LowerIsBetter,
}
