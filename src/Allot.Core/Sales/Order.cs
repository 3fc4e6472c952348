namespace Allot.Core.Sales;

/// <summary>An order placed by a customer.</summary>
/// <remarks>Money is <see cref="decimal"/>; the store keeps four decimal places. When only a cost is given,
/// profit is <c>Amount − Cost</c>.</remarks>
public sealed record Order
{
    /// <summary>The key in the source system.</summary>
    public required string Key { get; init; }

    /// <summary>Key of the customer that placed the order.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Order date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Order amount (sales).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Profit (gross margin in money), if known.</summary>
    public decimal? Profit { get; init; }

    /// <summary>Product category.</summary>
    public string? Category { get; init; }

    /// <summary>Sales channel.</summary>
    public string? Channel { get; init; }

    /// <summary>Quantity of items.</summary>
    public decimal? Quantity { get; init; }
}
