using System.CommandLine;
using Allot.Core.Indicators;
using Allot.Storage.Runs;

namespace Allot.Cli.Commands;

/// <summary><c>allot indicators</c>: the indicators schemes can use; with a store, their values at an as-of date.</summary>
internal static class IndicatorsCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Date the indicators describe (default: the latest order date)" };
        var customer = new Option<string?>("--customer") { Description = "Show one customer's values" };
        var catalogOnly = new Option<bool>("--list") { Description = "Only list the indicators (no store needed)" };
        var command = new Command("indicators", "The indicators per customer (name, kind, unit, meaning in English and Chinese), "
            + "with a summary of their values in the store at --as-of")
        {
            asOf, customer, catalogOnly,
        };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            if (p.GetValue(catalogOnly) || (!ctx.DbIsServer && !File.Exists(ctx.DbPath)))
            {
                if (!p.GetValue(catalogOnly)) ctx.Err.WriteLine($"no store at {ctx.DbPath}: listing the indicators only");
                ctx.Printer.Rows(["name", "kind", "unit", "description", "说明"], IndicatorCatalog.All.Select(d =>
                    new object?[] { d.Name, d.Kind.ToString().ToLowerInvariant(), d.Unit, d.DescriptionEn, d.DescriptionZh }));
                return 0;
            }
            using var store = ctx.OpenStore();
            var table = ClassificationRuns.Indicators(store, p.GetValue(asOf));
            ctx.Err.WriteLine($"{table.Count:N0} customers, as of {table.AsOf:yyyy-MM-dd}");
            try
            {
                if (table.Count > 0) table = ClassificationRuns.WithValueIndicators(table, store.ReadOrders(), ctx.Err.WriteLine);
            }
            catch (ArgumentException e)
            {
                ctx.Err.WriteLine($"value indicators left out: {e.Message}");
            }
            if (p.GetValue(customer) is { } key)
            {
                int row = table.RowOf(key);
                if (row < 0) throw new ArgumentException($"no customer with key '{key}' (or none with data up to {table.AsOf:yyyy-MM-dd})");
                ctx.Printer.Record([
                    ("customer", key), ("as_of", table.AsOf),
                    .. IndicatorCatalog.All.Select(d => (d.Name, d.IsText ? table.Text(d.Name)[row] : table.HasNumber(d.Name) ? Value(table.Number(d.Name)[row]) : null)),
                ]);
                return 0;
            }
            ctx.Printer.Rows(["name", "kind", "unit", "customers_with_value", "mean", "min", "max", "description", "说明"],
                IndicatorCatalog.All.Select(d => Summary(table, d)));
            return 0;
        }));
        return command;
    }

    private static object?[] Summary(IndicatorTable table, IndicatorDefinition d)
    {
        if (d.IsText)
        {
            int present = table.Text(d.Name).Count(v => v is not null);
            return [d.Name, d.Kind.ToString().ToLowerInvariant(), d.Unit, present, null, null, null, d.DescriptionEn, d.DescriptionZh];
        }
        var values = table.HasNumber(d.Name) ? table.Number(d.Name).ToArray().Where(double.IsFinite).ToArray() : [];
        return [d.Name, d.Kind.ToString().ToLowerInvariant(), d.Unit, values.Length,
            values.Length == 0 ? null : Value(values.Average()), values.Length == 0 ? null : Value(values.Min()),
            values.Length == 0 ? null : Value(values.Max()), d.DescriptionEn, d.DescriptionZh];
    }

    private static object? Value(double v) => double.IsFinite(v) ? Math.Round(v, 4) : null;
}
