namespace Allot.Core.Value;

/// <summary>When a customer earns a churn warning.</summary>
public sealed record ChurnOptions
{
    /// <summary>P(alive) below this (default 0.5).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Value at or above this quantile of the customers' positive values (default 0.8: the top fifth).</summary>
    public double ValueQuantile { get; init; } = 0.8;

    /// <summary>Which value (default historic spend).</summary>
    public ChurnBasis Basis { get; init; } = ChurnBasis.Historic;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Threshold or quantile outside [0, 1].</exception>
    public void Validate()
    {
        if (!(Threshold is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "the P(alive) threshold must be between 0 and 1");
        if (!(ValueQuantile is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(ValueQuantile), ValueQuantile, "the value quantile must be between 0 and 1");
    }
}
