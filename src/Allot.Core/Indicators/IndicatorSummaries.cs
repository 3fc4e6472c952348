using Allot.Core.Customers;

namespace Allot.Core.Indicators;

/// <summary>The data indicators are computed from, already summed per customer by whoever holds the records
/// (a database computing them with GROUP BY instead of streaming every order out). Every part may be empty;
/// each customer appears at most once per part.</summary>
public sealed record IndicatorSummaries
{
    /// <summary>Customer records; they give the characteristic columns.</summary>
    public IEnumerable<Customer> Customers { get; init; } = [];

    /// <summary>Per customer with orders up to as-of.</summary>
    public IEnumerable<OrderSummary> Orders { get; init; } = [];

    /// <summary>Per customer with invoices issued up to as-of.</summary>
    public IEnumerable<ReceivableSummary> Receivables { get; init; } = [];

    /// <summary>Per customer with follow-ups or feedback up to as-of.</summary>
    public IEnumerable<EngagementSummary> Engagement { get; init; } = [];
}
