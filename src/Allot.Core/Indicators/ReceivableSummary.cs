namespace Allot.Core.Indicators;

/// <summary>One customer's invoices issued on or before an as-of date and the payments on them made by then,
/// already summed (see <see cref="IndicatorCalculator.Compute(IndicatorSummaries, DateOnly)"/>).</summary>
/// <remarks>An invoice's open amount is its amount less what was paid on it, never below zero. Payments on
/// invoices issued after as-of do not count.</remarks>
public sealed record ReceivableSummary
{
    /// <summary>The customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Sum of the payments.</summary>
    public decimal Paid { get; init; }

    /// <summary>Sum over payments of amount × days from the invoice's issue to the payment.</summary>
    public decimal PaidDays { get; init; }

    /// <summary>Sum of the payments made after their invoice's due date.</summary>
    public decimal PaidLate { get; init; }

    /// <summary>Sum of the invoices' open amounts.</summary>
    public decimal Open { get; init; }

    /// <summary>Sum of the open amounts of invoices due before as-of.</summary>
    public decimal Overdue { get; init; }

    /// <summary>Most days past due among invoices with an open amount (0 when none is overdue).</summary>
    public int OverdueDays { get; init; }
}
