using Allot.Import.Importing;
using Allot.Import.Mapping;

namespace Allot.Import.Presets;

/// <summary>Tableau's Sample - Superstore: order lines become orders (summed by Order ID) and customers
/// (Segment as the type; region and city of most sales).</summary>
public sealed class SuperstorePreset : IPreset
{
    private static readonly IReadOnlyList<FieldSpec> Layout =
    [
        new("order", FieldType.Text, true, "Order ID"),
        new("date", FieldType.Date, true, "Order Date"),
        new("customer", FieldType.Text, true, "Customer ID"),
        new("name", FieldType.Text, true, "Customer Name"),
        new("segment", FieldType.Text, true, "Segment"),
        new("city", FieldType.Text, false, "City"),
        new("region", FieldType.Text, true, "Region"),
        new("category", FieldType.Text, false, "Category"),
        new("sales", FieldType.Number, true, "Sales"),
        new("quantity", FieldType.Number, false, "Quantity"),
        new("profit", FieldType.Number, true, "Profit"),
    ];

    /// <inheritdoc />
    public string Name => "superstore";

    /// <inheritdoc />
    public string Description => "Tableau Sample - Superstore order lines (UTF-8 or Windows-1252)";

    /// <inheritdoc />
    public FileImportReport Import(Importer importer, string path, ImportOptions options)
    {
        using var reader = Importer.Open(path, options);
        var map = HeaderMap.Resolve(Layout, reader.Headers, options.Mapping, path);
        var rows = new PresetRow(map, importer.Today);
        var orders = new OrderLineAggregator(importer, path);
        while (reader.Read(out var row))
        {
            orders.Read++;
            if (rows.Start(row))
            {
                var line = new OrderLine(row.Line, rows.Required("order"), rows.Required("customer"), rows.Date("date"),
                    rows.Number("sales"), rows.Number("profit"), rows.Number("quantity", required: false),
                    rows.Text("category"), rows.Text("name"), rows.Text("segment"), rows.Text("region"), rows.Text("city"));
                if (rows.Problem is null && line.Amount < 0) rows.Fail("sales", rows.Text("sales"), "expected sales ≥ 0");
                if (rows.Problem is null)
                {
                    orders.Add(line);
                    continue;
                }
            }
            orders.Reject(row.Line, rows.Column, rows.Value, rows.Problem!);
        }
        return orders.Write(reader.Description);
    }
}
