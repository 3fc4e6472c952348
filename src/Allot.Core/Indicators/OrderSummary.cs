namespace Allot.Core.Indicators;

/// <summary>One customer's orders dated on or before an as-of date, already summed (what a database's
/// <c>GROUP BY customer</c> gives); <see cref="IndicatorCalculator.Compute(IndicatorSummaries, DateOnly)"/> turns
/// it into the same transaction indicators as streaming the orders would.</summary>
/// <remarks>Windows are those of <see cref="IndicatorCalculator"/>: the last N days are the dates d with
/// asOf − N &lt; d ≤ asOf; the previous 365 days are asOf − 730 &lt; d ≤ asOf − 365. Money is exact (decimal). A value
/// type: a million customers' summaries passing through cost no object each.</remarks>
public readonly record struct OrderSummary
{
    /// <summary>The customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Orders (at least one).</summary>
    public required int Orders { get; init; }

    /// <summary>Date of the first order.</summary>
    public required DateOnly FirstDate { get; init; }

    /// <summary>Date of the last order.</summary>
    public required DateOnly LastDate { get; init; }

    /// <summary>Distinct dates with an order.</summary>
    public required int PurchaseDays { get; init; }

    /// <summary>Purchase days that come at most 90 days after the customer's previous purchase day.</summary>
    public required int RepurchaseDays { get; init; }

    /// <summary>Distinct categories among orders whose category is not blank (ordinal comparison).</summary>
    public int Categories { get; init; }

    /// <summary>Sum of the amounts.</summary>
    public decimal Amount { get; init; }

    /// <summary>Sum of the amounts in the last 365 days.</summary>
    public decimal Amount365 { get; init; }

    /// <summary>Sum of the amounts in the last 180 days.</summary>
    public decimal Amount180 { get; init; }

    /// <summary>Sum of the amounts in the last 90 days.</summary>
    public decimal Amount90 { get; init; }

    /// <summary>Sum of the amounts in the 365 days before the last 365.</summary>
    public decimal AmountPrev365 { get; init; }

    /// <summary>Orders in the last 365 days.</summary>
    public int Orders365 { get; init; }

    /// <summary>Orders in the last 180 days.</summary>
    public int Orders180 { get; init; }

    /// <summary>Orders in the last 90 days.</summary>
    public int Orders90 { get; init; }

    /// <summary>Orders whose profit is known.</summary>
    public int ProfitOrders { get; init; }

    /// <summary>Sum of the known profits.</summary>
    public decimal Profit { get; init; }

    /// <summary>Sum of the known profits in the last 365 days.</summary>
    public decimal Profit365 { get; init; }

    /// <summary>Sum of the amounts of the orders whose profit is known.</summary>
    public decimal ProfitBase { get; init; }
}
