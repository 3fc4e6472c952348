using Allot.Import.Mapping;

namespace Allot.Import.Importing.Fast;

/// <summary>Where an orders file keeps the fields the sums read (-1 when absent), its field count and delimiter.</summary>
internal sealed record OrderColumns(int Count, byte Delimiter, int OrderId, int Customer, int Date, int Amount,
    int Profit, int Cost, int Quantity, int Category)
{
    public static OrderColumns Of(HeaderMap map, byte delimiter) => new(map.Headers.Count, delimiter,
        map.IndexOf("order_id"), map.IndexOf("customer_id"), map.IndexOf("order_date"), map.IndexOf("amount"),
        map.IndexOf("profit"), map.IndexOf("cost"), map.IndexOf("quantity"), map.IndexOf("category"));
}
