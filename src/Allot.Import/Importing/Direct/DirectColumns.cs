using Allot.Import.Mapping;

namespace Allot.Import.Importing.Direct;

/// <summary>Where an orders file keeps each field an order is made of (-1 when absent), and its field count.</summary>
internal sealed record DirectColumns(int Count, int OrderId, int Customer, int Date, int Amount, int Profit, int Cost,
    int Quantity, int Category, int Channel)
{
    public static DirectColumns Of(HeaderMap map) => new(map.Headers.Count, map.IndexOf("order_id"), map.IndexOf("customer_id"),
        map.IndexOf("order_date"), map.IndexOf("amount"), map.IndexOf("profit"), map.IndexOf("cost"), map.IndexOf("quantity"),
        map.IndexOf("category"), map.IndexOf("channel"));
}
