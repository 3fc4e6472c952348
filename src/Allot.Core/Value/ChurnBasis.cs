namespace Allot.Core.Value;

/// <summary>What "value" means for a churn warning.</summary>
public enum ChurnBasis
{
    /// <summary>What the customer has spent in the calibration period (the first purchase included).</summary>
    Historic,

    /// <summary>What the customer would be worth over the CLV horizon if still active (CLV / P(alive)).</summary>
    Expected,
}
