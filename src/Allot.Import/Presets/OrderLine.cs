namespace Allot.Import.Presets;

/// <summary>One line of an order (a product on an invoice), as order-line data sets hold them.</summary>
internal sealed record OrderLine(
    long Line,
    string OrderKey,
    string CustomerKey,
    DateOnly Date,
    decimal Amount,
    decimal? Profit,
    decimal? Quantity,
    string? Category,
    string? CustomerName,
    string? CustomerType,
    string? Region,
    string? City);
