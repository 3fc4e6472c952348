using Allot.Core.Importing;
using Allot.Core.Value;
using Allot.Import.Mapping;
using Allot.Import.Values;

namespace Allot.Import.Importing;

/// <summary>Purchases (customer, date, amount) straight from a file, for the value models without a store
/// (<c>allot value fit --orders FILE</c>).</summary>
/// <remarks>Any table the import reads (CSV, TSV, XLSX; encodings detected) with a customer, a date and an amount
/// column, found by the same header aliases as an orders import (<c>customer_id</c>/客户编号, <c>order_date</c>/
/// <c>date</c>/订单日期, <c>amount</c>/金额…); an order id is not needed. Rows with a missing customer, a date that
/// does not parse or lies after today, or an amount that does not parse are passed to <c>onReject</c> and left out.</remarks>
public static class PurchaseFile
{
    private static readonly string[] Needed = ["customer_id", "order_date", "amount"];

    /// <summary>The purchases of a file, streamed.</summary>
    /// <exception cref="Reading.ImportFileException">The file cannot be read or lacks one of the three columns.</exception>
    public static IEnumerable<Purchase> Read(string path, DateOnly today, Action<RowReject>? onReject = null)
    {
        using var reader = Importer.Open(path, new ImportOptions());
        var layout = Layouts.Orders.Where(f => Needed.Contains(f.Name)).ToList();
        var map = HeaderMap.Resolve(layout, reader.Headers, null, path);
        int customer = map.IndexOf("customer_id"), date = map.IndexOf("order_date"), amount = map.IndexOf("amount");
        int width = Math.Max(customer, Math.Max(date, amount)) + 1;
        while (reader.Read(out var row))
        {
            var f = row.Fields;
            RowReject? reject = null;
            DateOnly day = default;
            decimal value = 0;
            if (f.Length < width) reject = new RowReject(path, row.Line, null, null, $"expected at least {width} fields, found {f.Length}");
            else if (f[customer].Trim().Length == 0) reject = new RowReject(path, row.Line, "customer_id", f[customer], "missing customer");
            else if (!ValueParser.TryParseDate(f[date], out day)) reject = new RowReject(path, row.Line, "order_date", f[date], "expected a date");
            else if (day > today) reject = new RowReject(path, row.Line, "order_date", f[date], "date is in the future");
            else if (!ValueParser.TryParseDecimal(f[amount], out value)) reject = new RowReject(path, row.Line, "amount", f[amount], "expected a number");
            if (reject is null) yield return new Purchase(f[customer].Trim(), day, value);
            else onReject?.Invoke(reject);
        }
    }
}
