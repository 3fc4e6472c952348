using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Indicators;
using Allot.Core.Receivables;
using Allot.Core.Sales;
using Allot.Import.Mapping;

namespace Allot.Import.Importing;

/// <summary>Records straight from files, without a store: for classifying an export as it is (<c>--from DIR</c>).</summary>
/// <remarks>Streaming: each enumeration reads the file again, row by row, with the same readers, header aliases
/// and row validation as an import. Rejected rows are passed to <c>onReject</c> and left out; referential
/// checks (unknown customers) need a store and are not made.</remarks>
public static class FileRecords
{
    /// <summary>The records of one file.</summary>
    public static IEnumerable<T> Read<T>(EntityKind kind, string path, DateOnly today, Action<RowReject>? onReject = null)
    {
        using var reader = Importer.Open(path, new ImportOptions());
        var map = HeaderMap.Resolve(Layouts.For(kind), reader.Headers, null, path);
        var mapper = new RecordMapper(kind, map, path, today);
        while (reader.Read(out var row))
        {
            if (mapper.TryMap(row, out object? record, out var reject)) yield return (T)record!;
            else onReject?.Invoke(reject!);
        }
    }

    /// <summary>The latest valid order date in an orders file, reading only that column (a quarter of the cost of
    /// mapping every row), or null when there is none.</summary>
    public static DateOnly? LatestOrderDate(string path, DateOnly today)
    {
        using var reader = Importer.Open(path, new ImportOptions());
        var map = HeaderMap.Resolve(Layouts.Orders, reader.Headers, null, path);
        int column = map.IndexOf("order_date");
        DateOnly? latest = null;
        while (reader.Read(out var row))
        {
            if (column < row.Fields.Length && Values.ValueParser.TryParseDate(row.Fields[column], out var d) && d <= today && (latest is null || d > latest))
                latest = d;
        }
        return latest;
    }

    /// <summary>Indicator input from a folder in the canonical layout (customers.csv, orders.csv, invoices.csv,
    /// payments.csv, interactions.csv, feedback.csv; each optional but orders.csv).</summary>
    /// <exception cref="Reading.ImportFileException">The folder has no orders.csv.</exception>
    public static IndicatorInput FromFolder(string folder, DateOnly today, Action<RowReject>? onReject = null)
    {
        string File(string name) => Path.Combine(folder, name);
        if (!System.IO.File.Exists(File("orders.csv")))
            throw new Reading.ImportFileException(File("orders.csv"), "not found: --from needs a folder with orders.csv (the layout `allot generate` writes)");
        IEnumerable<T> Optional<T>(EntityKind kind, string name) =>
            System.IO.File.Exists(File(name)) ? Read<T>(kind, File(name), today, onReject) : [];
        return new IndicatorInput
        {
            Customers = Optional<Customer>(EntityKind.Customers, "customers.csv"),
            Orders = Read<Order>(EntityKind.Orders, File("orders.csv"), today, onReject),
            Invoices = Optional<Invoice>(EntityKind.Invoices, "invoices.csv"),
            Payments = Optional<Payment>(EntityKind.Payments, "payments.csv"),
            Interactions = Optional<Interaction>(EntityKind.Interactions, "interactions.csv"),
            Feedback = Optional<Feedback>(EntityKind.Feedback, "feedback.csv"),
        };
    }
}
