namespace Allot.Core.Value;

/// <summary>The Gamma-Gamma model's assumption, checked: frequency and spend per transaction are independent.</summary>
/// <param name="Correlation">Pearson correlation of x and mean repeat spend over the repeat buyers (NaN with fewer
/// than two, or no variation).</param>
/// <param name="Customers">Repeat buyers it was computed over.</param>
public sealed record SpendIndependence(double Correlation, long Customers)
{
    /// <summary>Above this absolute correlation the assumption is called into question (a rule of thumb: FHL 2005
    /// treat 0.11 as negligible).</summary>
    public const double Threshold = 0.3;

    /// <summary>True when |correlation| ≤ <see cref="Threshold"/>.</summary>
    public bool Holds => double.IsFinite(Correlation) && Math.Abs(Correlation) <= Threshold;

    /// <summary>One line for people: the figure and whether the assumption looks safe.</summary>
    public string Verdict => !double.IsFinite(Correlation)
        ? "frequency-spend correlation undefined (too few repeat buyers)"
        : Holds
            ? FormattableString.Invariant($"frequency-spend correlation {Correlation:0.000} over {Customers:N0} repeat buyers: weak, the Gamma-Gamma independence assumption is reasonable")
            : FormattableString.Invariant($"frequency-spend correlation {Correlation:0.000} over {Customers:N0} repeat buyers: strong, the Gamma-Gamma independence assumption is doubtful; treat expected spend with care");
}
