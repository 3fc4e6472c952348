namespace Allot.Core.Value;

/// <summary>What <see cref="ValueScorer"/> computes per customer.</summary>
public sealed record ScoringOptions
{
    /// <summary>Horizon of the expected purchases, in days (default 90: the <c>exp_purchases_90d</c> indicator).</summary>
    public double HorizonDays { get; init; } = 90;

    /// <summary>CLV horizon in months of 365.25/12 days (default 12: <c>clv_12m</c>).</summary>
    public int ClvMonths { get; init; } = 12;

    /// <summary>Discount rate per month (default 0.01, about 12.7 % a year).</summary>
    public double MonthlyDiscountRate { get; init; } = 0.01;

    /// <summary>Share of spend that is margin (default 1: CLV in revenue; e.g. 0.3 for a 30 % gross margin).</summary>
    public double Margin { get; init; } = 1;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!(HorizonDays >= 0) || !double.IsFinite(HorizonDays)) throw new ArgumentOutOfRangeException(nameof(HorizonDays), HorizonDays, "the horizon must be ≥ 0 days");
        if (ClvMonths is < 0 or > 1200) throw new ArgumentOutOfRangeException(nameof(ClvMonths), ClvMonths, "the CLV horizon must be 0 to 1200 months");
        if (!(MonthlyDiscountRate > -1) || !double.IsFinite(MonthlyDiscountRate)) throw new ArgumentOutOfRangeException(nameof(MonthlyDiscountRate), MonthlyDiscountRate, "the discount rate must be above −1");
        if (!double.IsFinite(Margin)) throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "the margin must be a number");
    }
}
