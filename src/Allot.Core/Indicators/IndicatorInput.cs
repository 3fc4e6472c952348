using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Receivables;
using Allot.Core.Sales;

namespace Allot.Core.Indicators;

/// <summary>The data indicators are computed from; every part may be empty.</summary>
/// <remarks><see cref="Orders"/> may be a stream of many millions: it is enumerated once when an as-of date is
/// given, twice when it is not (the first pass only reads dates to find the default). The other parts are
/// enumerated once each.</remarks>
public sealed record IndicatorInput
{
    /// <summary>Customer records; they give the characteristic columns. When a key repeats, the first record wins.</summary>
    public IEnumerable<Customer> Customers { get; init; } = [];

    /// <summary>Orders, in any order.</summary>
    public IEnumerable<Order> Orders { get; init; } = [];

    /// <summary>Orders already summed per customer (e.g. by a reader that sums a file as it parses it), counted
    /// with <see cref="Orders"/>; each customer at most once, and not also in <see cref="Orders"/>. The sums must
    /// be made over orders dated on or before the as-of date, so an as-of date must be given with them.</summary>
    public IEnumerable<OrderSummary> OrderSummaries { get; init; } = [];

    /// <summary>Invoices, in any order.</summary>
    public IEnumerable<Invoice> Invoices { get; init; } = [];

    /// <summary>Payments, in any order; a payment of an unknown invoice is ignored.</summary>
    public IEnumerable<Payment> Payments { get; init; } = [];

    /// <summary>Follow-up records, in any order.</summary>
    public IEnumerable<Interaction> Interactions { get; init; } = [];

    /// <summary>Feedback, in any order.</summary>
    public IEnumerable<Feedback> Feedback { get; init; } = [];
}
