using System.Globalization;
using Allot.Core.Importing;
using Allot.Core.Sales;
using Allot.Import.Importing;
using Allot.Import.Reading;
using Allot.Import.Values;

namespace Allot.Import.Presets;

/// <summary>CDNOW (Fader &amp; Hardie): the master file (<c>customer_id date number_of_cds dollar_value</c>, with a
/// header) or the 1/10 sample (no header: master id, sample id, date, CDs, dollars; the sample id is the
/// customer key). Each row is an order keyed <c>{customer}-{yyyymmdd}-{n}</c>, n counting that customer's
/// rows on that day, so re-imports update. Customers are created from their keys.</summary>
public sealed class CdnowPreset : IPreset
{
    /// <inheritdoc />
    public string Name => "cdnow";

    /// <inheritdoc />
    public string Description => "CDNOW master or sample file (whitespace-separated)";

    /// <inheritdoc />
    public FileImportReport Import(Importer importer, string path, ImportOptions options)
    {
        bool hasHeader = FirstLine(path) is { } first && first.Any(char.IsLetter);
        using var reader = Importer.Open(path, options, hasHeader, whitespace: options.Delimiter is null ? true : null);
        int width = hasHeader ? 4 : 5;
        var sink = importer.Sink;
        sink.BeginFile(EntityKind.Orders, path, new HashSet<string>(), createMissingCustomers: true);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var writer = new RowWriter(importer, path, null);
        while (reader.Read(out var row))
        {
            if (writer.Full) writer.Flush();
            var f = row.Fields;
            RowReject? reject = null;
            Order? order = null;
            if (f.Length != width)
                reject = new RowReject(path, row.Line, null, null, $"expected {width} fields, found {f.Length}");
            else
            {
                int o = hasHeader ? 0 : 1;
                string customer = f[o].Trim();
                if (!ValueParser.TryParseDate(f[o + 1], out var date))
                    reject = new RowReject(path, row.Line, "date", f[o + 1], "expected a date yyyymmdd");
                else if (date > importer.Today)
                    reject = new RowReject(path, row.Line, "date", f[o + 1], "date is in the future");
                else if (!ValueParser.TryParseDecimal(f[o + 2], out decimal cds) || cds < 0)
                    reject = new RowReject(path, row.Line, "number_of_cds", f[o + 2], "expected a number ≥ 0");
                else if (!ValueParser.TryParseDecimal(f[o + 3], out decimal dollars) || dollars < 0)
                    reject = new RowReject(path, row.Line, "dollar_value", f[o + 3], "expected a number ≥ 0");
                else
                {
                    string baseKey = customer + "-" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                    int n = seen.TryGetValue(baseKey, out int s) ? s + 1 : 1;
                    seen[baseKey] = n;
                    order = new Order
                    {
                        Key = baseKey + "-" + n.ToString(CultureInfo.InvariantCulture),
                        CustomerKey = customer,
                        Date = date,
                        Amount = dollars,
                        Quantity = cds,
                    };
                }
            }
            if (order is not null) writer.Add(row.Line, order);
            else writer.Reject(reject!);
        }
        writer.Flush();
        var counts = sink.EndFile(writer.Read, writer.Inserted, writer.Updated, writer.Rejected);
        return new FileImportReport(path, EntityKind.Orders, reader.Description, writer.Read, writer.Inserted, writer.Updated, writer.Rejected,
            counts.CreatedCustomers);
    }

    private static string? FirstLine(string path)
    {
        if (!File.Exists(path)) throw new ImportFileException(path, "file not found");
        foreach (string line in File.ReadLines(path))
            if (line.Trim().Length > 0) return line;
        return null;
    }
}
