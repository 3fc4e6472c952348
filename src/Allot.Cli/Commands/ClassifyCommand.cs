using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Allot.Cli.Output;
using Allot.Core.Classification;
using Allot.Core.Classification.Schemes;
using Allot.Core.Value;
using Allot.Import.Importing;
using Allot.Storage.Runs;
using System.Runtime.CompilerServices;

namespace Allot.Cli.Commands;

/// <summary><c>allot classify</c>: runs a scheme over the store's indicators and prints, per classifier, each
/// class's customers and revenue share; optionally every customer's classes to a CSV file.</summary>
internal static class ClassifyCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var schemeFile = new Option<string?>("--scheme") { Description = "Scheme file (default: the bundled retail scheme; see `allot scheme init`)" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Date the indicators describe (default: the scheme's as_of, else the latest order date)" };
        var results = new Option<string?>("--results") { Description = "Write every customer's tier, segment, lifecycle stage, tags and classes to this CSV file" };
        var customer = new Option<string?>("--customer") { Description = "Explain one customer without storing a run: each classifier's class with its reason" };
        var noStore = new Option<bool>("--no-store") { Description = "Print the summary without storing a run" };
        var from = new Option<string?>("--from") { Description = "Classify the CSV files in this folder (the canonical layout) instead of the store; nothing is stored" };
        var by = new Option<string?>("--by") { Description = "Who runs it, recorded with the run (default: the OS user)" };
        var command = new Command("classify", "Classify every customer with a scheme: tiers, segments, lifecycle stages and tags, each with its reason")
        {
            schemeFile, asOf, results, customer, noStore, from, by,
        };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var (scheme, schemeText) = SchemeCommand.LoadWithText(p.GetValue(schemeFile));
            string? folder = p.GetValue(from);
            using var store = folder is null ? ctx.OpenStore() : null;
            long rejected = 0;
            Classified classified;
            if (store is not null) classified = ClassificationRuns.Run(store, scheme, p.GetValue(asOf), ctx.Err.WriteLine);
            else
            {
                var indicators = FromFolder(ctx, folder!, p.GetValue(asOf) ?? scheme.AsOf, ColumnsRead(scheme), () => rejected++);
                if (rejected > 0) ctx.Err.WriteLine($"{rejected:N0} row(s) left out as invalid (import them to see each reason)");
                if (indicators.Count > 0 && ValueIndicators.AnyIn(scheme.Classifiers.SelectMany(c => c.Indicators)))
                    indicators = ClassificationRuns.WithValueIndicators(indicators, FileRecords.Read<Core.Sales.Order>(Core.Importing.EntityKind.Orders,
                        Path.Combine(folder!, "orders.csv"), DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime)), ctx.Err.WriteLine);
                if (indicators.Count == 0) throw new ArgumentException($"nothing to classify: {folder} has no valid orders");
                classified = ClassificationRuns.Run(indicators, scheme, ctx.Err.WriteLine);
            }
            var (table, outcome) = (classified.Table, classified.Outcome);
            ctx.Step("classified");

            if (p.GetValue(customer) is { } key)
            {
                int row = table.RowOf(key);
                if (row < 0) throw new ArgumentException($"no customer with key '{key}' in the indicators as of {table.AsOf:yyyy-MM-dd}");
                Explain(ctx, outcome, outcome.Customers[row]);
                return 0;
            }
            if (p.GetValue(results) is { } path)
            {
                WriteResults(path, outcome);
                ctx.Step($"results written to {path}");
            }
            long? runId = null;
            if (store is not null && !p.GetValue(noStore))
            {
                runId = ClassificationRuns.Save(store, p.GetValue(by) ?? Environment.UserName, schemeText, classified);
                ctx.Err.WriteLine($"stored as run {runId}; explain a customer with: allot explain KEY --run {runId}");
            }
            PrintSummary(ctx, classified, runId);
            ctx.Step("summary printed");
            ctx.StepMemory();
            return 0;
        }));
        return command;
    }

    /// <summary>Indicators straight from CSV files, only those in <paramref name="columns"/> (all when null). The
    /// orders are summed per customer as they are parsed, in parallel, when the file allows it (see
    /// <see cref="OrderFileSums"/>); otherwise mapped row by row, the as-of date, when not given, from a date-only
    /// first pass. Both give the same table and the same rejects.</summary>
    private static Core.Indicators.IndicatorTable FromFolder(CliContext ctx, string folder, DateOnly? asOf,
        IReadOnlyCollection<string>? columns, Action onReject)
    {
        var today = DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime);
        var input = FileRecords.FromFolder(folder, today, _ => onReject());
        string orders = Path.Combine(folder, "orders.csv");
        var detail = columns is null ? Core.Indicators.OrderDetail.PurchaseDays | Core.Indicators.OrderDetail.Categories
            : Core.Indicators.IndicatorCatalog.OrderDetailFor(columns);
        ctx.Step("started");
        if (OrderFileSums.TrySum(orders, today, asOf, detail, _ => onReject()) is { } sums)
        {
            ctx.Step($"{orders} summed per customer");
            var table = Core.Indicators.IndicatorCalculator.Compute(input with { Orders = [], OrderSummaries = sums.Summaries }, sums.AsOf, columns);
            ctx.Step("indicators computed");
            return table;
        }
        asOf ??= FileRecords.LatestOrderDate(orders, today);
        return Core.Indicators.IndicatorCalculator.Compute(input, asOf, columns);
    }

    /// <summary>The indicators a classify run reads: the scheme's, revenue and profit, and the summary's means;
    /// null (all) when the scheme uses value-model indicators, which are computed from the full table.</summary>
    private static IReadOnlyCollection<string>? ColumnsRead(Scheme scheme)
    {
        var names = scheme.Classifiers.SelectMany(c => c.Indicators).ToHashSet(StringComparer.Ordinal);
        if (ValueIndicators.AnyIn(names)) return null;
        names.UnionWith(["amount", "profit", .. ClassSummary.DefaultMeans]);
        return names;
    }

    public static void PrintSummary(CliContext ctx, Classified classified, long? runId)
    {
        if (ctx.Format == OutputFormat.Json)
        {
            var summary = ClassificationRuns.Summary(classified, runId);
            var classifiers = new JsonArray();
            foreach (var result in summary.Classifiers)
            {
                var classes = new JsonArray();
                foreach (var c in result.Classes)
                {
                    classes.Add(new JsonObject
                    {
                        ["class"] = c.Class, ["customers"] = c.Customers, ["customer_share"] = c.CustomerShare,
                        ["revenue"] = c.Revenue, ["revenue_share"] = c.RevenueShare, ["profit_share"] = c.ProfitShare,
                        ["means"] = new JsonObject([.. c.Means.Select(m => KeyValuePair.Create(m.Key, m.Value is { } v ? (JsonNode?)JsonValue.Create(v) : null))]),
                    });
                }
                classifiers.Add(new JsonObject { ["name"] = result.Name, ["classes"] = classes });
            }
            ctx.Printer.Json(new JsonObject
            {
                ["run"] = summary.Run, ["scheme"] = summary.Scheme, ["as_of"] = summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["customers"] = summary.Customers, ["tier_from"] = summary.TierFrom, ["classifiers"] = classifiers,
            });
            return;
        }
        foreach (var result in classified.Outcome.Results) PrintClassTable(ctx, result, classified.Table);
    }

    /// <summary>One classifier's classes as a table: customers, revenue and profit shares, mean indicators.</summary>
    public static void PrintClassTable(CliContext ctx, ClassifierResult result, Core.Indicators.IndicatorTable table)
    {
        var summary = ClassSummary.Of(result, table);
        var meanNames = summary.FirstOrDefault()?.Means.Keys.ToList() ?? [];
        ctx.Printer.Rows([result.Name, "customers", "customer_share", "revenue", "revenue_share", "profit_share", .. meanNames.Select(m => "mean_" + m)],
            summary.Select(c => (object?[])[c.Class, c.Customers, Math.Round(c.CustomerShare, 3), Math.Round(c.Revenue, 2), Math.Round(c.RevenueShare, 3),
                Math.Round(c.ProfitShare, 3), .. meanNames.Select(m => double.IsFinite(c.Means[m]) ? (object?)Math.Round(c.Means[m], 2) : null)]));
        ctx.Out.WriteLine();
    }

    private static void Explain(CliContext ctx, SchemeOutcome outcome, CustomerClassification c)
    {
        ctx.Printer.Record([
            ("customer", c.CustomerKey), ("tier", c.Tier), ("segment", c.Segment), ("lifecycle_stage", c.LifecycleStage), ("tags", c.Tags),
            .. c.Assignments.Select((a, i) => (outcome.Results[i].Name, (object?)$"{a.Class}: {a.Reason}")),
        ]);
    }

    private static void WriteResults(string path, SchemeOutcome outcome)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        file.Write(Encoding.UTF8.Preamble);
        var names = outcome.Results.Select(r => r.Name).ToList();
        file.Write(Encoding.UTF8.GetBytes(string.Join(',', new[] { "customer_id", "tier", "segment", "lifecycle_stage", "tags" }.Concat(names).Select(CsvText.Quote)) + "\n"));
        // Rows are formatted in ranges side by side, a few ranges at a time, and written in order.
        const int RowsPerRange = 65_536;
        int n = outcome.Customers.Count, ranges = (n + RowsPerRange - 1) / RowsPerRange, batch = 2 * Environment.ProcessorCount;
        var buffers = new (byte[] Bytes, int Length)[batch];
        for (int first = 0; first < ranges; first += batch)
        {
            int count = Math.Min(batch, ranges - first);
            Parallel.For(0, count, k => buffers[k] = Rows(outcome, (first + k) * RowsPerRange, Math.Min(n, (first + k + 1) * RowsPerRange)));
            for (int k = 0; k < count; k++) file.Write(buffers[k].Bytes, 0, buffers[k].Length);
        }
    }

    // Rows from..to of the results file, as UTF-8, written as bytes. Each class's quoted cell is encoded once per range.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (byte[] Bytes, int Length) Rows(SchemeOutcome outcome, int from, int to)
    {
        var buffer = new byte[Math.Max(1024, (to - from) * 48)];
        int used = 0;
        var cells = new Dictionary<string, byte[]>(ReferenceEqualityComparer.Instance);
        void Write(ReadOnlySpan<byte> bytes)
        {
            if (used + bytes.Length > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + bytes.Length));
            bytes.CopyTo(buffer.AsSpan(used));
            used += bytes.Length;
        }
        void Text(string? s)
        {
            if (string.IsNullOrEmpty(s)) return;
            s = CsvText.Quote(s); // the string itself unless it needs quotes
            int most = Encoding.UTF8.GetMaxByteCount(s.Length);
            if (used + most > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + most));
            used += Encoding.UTF8.GetBytes(s, buffer.AsSpan(used));
        }
        void Cell(string? s)
        {
            if (s is null) return;
            if (!cells.TryGetValue(s, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes(CsvText.Quote(s));
                if (cells.Count < 4096) cells[s] = bytes; // not every row's own string (rules may make them)
            }
            Write(bytes);
        }
        for (int i = from; i < to; i++)
        {
            var c = outcome.Customers[i];
            Text(c.CustomerKey);
            Write(","u8);
            Cell(c.Tier);
            Write(","u8);
            Cell(c.Segment);
            Write(","u8);
            Cell(c.LifecycleStage);
            Write(","u8);
            if (c.Tags.Count > 0) Text(string.Join(';', c.Tags));
            foreach (var result in outcome.Results)
            {
                Write(","u8);
                Cell(result.ClassOf(i));
            }
            Write("\n"u8);
        }
        return (buffer, used);
    }
}
