namespace Allot.Core.Classification.Clustering;

/// <summary>How each indicator is scaled before distances are taken, so no indicator dominates by its unit.</summary>
public enum Normalisation
{
    /// <summary>z-score: (value − mean) / population standard deviation of the known values. A missing value
    /// becomes 0, the column mean. A constant column becomes all 0 and so plays no part.</summary>
    ZScore,

    /// <summary>Min-max: (value − min) / (max − min) of the known values, so 0..1. A missing value becomes the
    /// mean of the scaled known values. A constant column becomes all 0 and so plays no part.</summary>
    MinMax,
}
