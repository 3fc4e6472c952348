namespace Allot.Core.Classification;

/// <summary>How an indicator's values are mapped to 0–1 before weighting (over the customers with a value).</summary>
public enum Normalisation
{
    /// <summary>(x − min) / (max − min); 0.5 for everyone when all values are equal.</summary>
    MinMax,

    /// <summary>z = (x − mean) / σ (population σ), mapped to 0–1 by the standard normal CDF Φ(z), so the mean scores
    /// 0.5 and one σ above scores 0.841; 0.5 for everyone when σ = 0.</summary>
    ZScore,

    /// <summary>Mid-rank percentile: (values below + (values equal − 1) / 2) / (n − 1), so the lowest is 0, the
    /// highest 1 and ties share their mean position; 0.5 when there is one value.</summary>
    PercentileRank,
}
