using Allot.Core.Importing;
using Allot.Import.Importing;
using Allot.Import.Mapping;

namespace Allot.Import.Presets;

/// <summary>UCI Online Retail: the invoice-level file (InvoiceNo, InvoiceDate, CustomerID, TotalPrice), or the
/// raw 8-column line layout, whose lines form invoices (Σ Quantity × UnitPrice) after rejecting cancellations,
/// returns, lines without a customer and non-positive prices. The customer's region is its Country.</summary>
public sealed class OnlineRetailPreset : IPreset
{
    private static readonly IReadOnlyList<FieldSpec> RawLayout =
    [
        new("invoice", FieldType.Text, true, "InvoiceNo"),
        new("stock", FieldType.Text, true, "StockCode"),
        new("quantity", FieldType.Number, true, "Quantity"),
        new("date", FieldType.Date, true, "InvoiceDate"),
        new("price", FieldType.Number, true, "UnitPrice"),
        new("customer", FieldType.Text, true, "CustomerID"),
        new("country", FieldType.Text, false, "Country"),
    ];

    /// <inheritdoc />
    public string Name => "online-retail";

    /// <inheritdoc />
    public string Description => "UCI Online Retail, invoice-level or the raw 8-column line layout";

    /// <inheritdoc />
    public FileImportReport Import(Importer importer, string path, ImportOptions options)
    {
        bool raw;
        using (var probe = Importer.Open(path, options))
            raw = probe.Headers.Any(h => HeaderMap.Normalize(h) == "stockcode");
        // Invoice level: already one row per order; customers are created from their keys.
        if (!raw) return importer.Import(EntityKind.Orders, path, options with { CreateMissing = true });
        using var reader = Importer.Open(path, options);
        var map = HeaderMap.Resolve(RawLayout, reader.Headers, options.Mapping, path);
        var rows = new PresetRow(map, importer.Today);
        var orders = new OrderLineAggregator(importer, path);
        while (reader.Read(out var row))
        {
            orders.Read++;
            if (rows.Start(row))
            {
                string invoice = rows.Required("invoice");
                string? customer = rows.Text("customer");
                decimal quantity = rows.Number("quantity");
                decimal price = rows.Number("price");
                DateOnly date = rows.Date("date");
                if (rows.Problem is null)
                {
                    if (invoice.StartsWith('C') || invoice.StartsWith('c'))
                        rows.Fail("invoice", invoice, "cancellation (invoice number starts with C)");
                    else if (quantity <= 0)
                        rows.Fail("quantity", rows.Text("quantity"), "quantity ≤ 0 (a return or correction)");
                    else if (customer is null || customer.Equals("NA", StringComparison.OrdinalIgnoreCase))
                        rows.Fail("customer", customer, "no customer (CustomerID is missing or NA)");
                    else if (price <= 0)
                        rows.Fail("price", rows.Text("price"), "price ≤ 0 (free or adjustment line)");
                }
                if (rows.Problem is null)
                {
                    string key = NormalizeCustomer(customer!);
                    orders.Add(new OrderLine(row.Line, invoice, key, date, quantity * price, null, quantity, null,
                        null, null, rows.Text("country"), null));
                    continue;
                }
            }
            orders.Reject(row.Line, rows.Column, rows.Value, rows.Problem!);
        }
        return orders.Write(reader.Description);
    }

    /// <summary>Some copies write customer ids as floats ("17850.0"); keys are the integer text.</summary>
    private static string NormalizeCustomer(string id) => id.EndsWith(".0", StringComparison.Ordinal) ? id[..^2] : id;
}
