using System.CommandLine;
using Allot.Cli.Output;

namespace Allot.Cli.Commands;

/// <summary><c>allot runs list</c> and <c>allot explain CUSTOMER [--run N]</c>: stored classification runs.</summary>
internal static class RunsCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("runs", "Stored classification runs");
        var list = new Command("list", "The stored runs, newest first");
        list.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            ctx.Printer.Rows(["run", "created_at", "by", "as_of", "scheme", "customers"],
                store.GetClassificationRuns().Select(r => new object?[] { r.Id, r.CreatedAt, r.By, r.AsOf, r.SchemeName, r.Customers }));
            return 0;
        }));
        command.Subcommands.Add(list);
        return command;
    }

    public static Command CreateExplain(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var customer = new Argument<string>("customer") { Description = "Customer key" };
        var run = new Option<long?>("--run") { Description = "Run number (default: the latest run)" };
        var command = new Command("explain", "Why a customer has its tier, segment and stage: every classifier's class, reason and numbers") { customer, run };
        command.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            long runId = ctx.Parse.GetValue(run)
                ?? store.GetClassificationRuns(1).FirstOrDefault()?.Id
                ?? throw new ArgumentException("no classification run yet: run `allot classify` first");
            string key = ctx.Parse.GetValue(customer)!;
            var c = store.GetClassification(runId, key) ?? throw new ArgumentException($"customer '{key}' is not in run {runId}");
            ctx.Printer.Record([
                ("customer", c.CustomerKey), ("run", c.RunId), ("tier", c.Tier), ("segment", c.Segment), ("lifecycle_stage", c.LifecycleStage), ("tags", c.Tags),
                .. c.Classes.Select(x => (x.Classifier, (object?)$"{x.Class}: {x.Reason}")),
            ]);
            return 0;
        }));
        return command;
    }

    public static Command CreateCompare(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var first = new Argument<long>("run-a") { Description = "The earlier run" };
        var second = new Argument<long>("run-b") { Description = "The later run" };
        var top = new Option<int>("--top") { Description = "How many movers up and down to list (default 20)", DefaultValueFactory = _ => 20 };
        var command = new Command("compare", "Migration matrix between two runs' tiers (customers and revenue) and who moved up and down") { first, second, top };
        command.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            long a = ctx.Parse.GetValue(first), b = ctx.Parse.GetValue(second);
            var runs = store.GetClassificationRuns(int.MaxValue);
            var runB = runs.FirstOrDefault(r => r.Id == b) ?? throw new ArgumentException($"no run {b}; see `allot runs list`");
            if (runs.All(r => r.Id != a)) throw new ArgumentException($"no run {a}; see `allot runs list`");
            var cmp = Core.Classification.Runs.RunComparison.Compare(runB.TierClasses,
                store.ReadClassifications(a).Select(c => (c.CustomerKey, c.Tier, c.Revenue)),
                store.ReadClassifications(b).Select(c => (c.CustomerKey, c.Tier, c.Revenue)));
            int n = Math.Max(0, ctx.Parse.GetValue(top));
            if (ctx.Format == Output.OutputFormat.Json)
            {
                static System.Text.Json.Nodes.JsonObject Move(Core.Classification.Runs.TierMove m) => new()
                {
                    ["customer"] = m.CustomerKey, ["from"] = m.From, ["to"] = m.To, ["revenue_from"] = Math.Round(m.RevenueFrom, 2), ["revenue_to"] = Math.Round(m.RevenueTo, 2),
                };
                ctx.Printer.Json(new System.Text.Json.Nodes.JsonObject
                {
                    ["run_a"] = a, ["run_b"] = b,
                    ["matrix"] = new System.Text.Json.Nodes.JsonArray([.. cmp.Cells.Select(c => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                    {
                        ["from"] = c.From, ["to"] = c.To, ["customers"] = c.Customers, ["revenue"] = Math.Round(c.Revenue, 2),
                    })]),
                    ["moved_up"] = cmp.Up.Count, ["moved_down"] = cmp.Down.Count,
                    ["up"] = new System.Text.Json.Nodes.JsonArray([.. cmp.Up.Take(n).Select(m => (System.Text.Json.Nodes.JsonNode)Move(m))]),
                    ["down"] = new System.Text.Json.Nodes.JsonArray([.. cmp.Down.Take(n).Select(m => (System.Text.Json.Nodes.JsonNode)Move(m))]),
                });
                return 0;
            }
            ctx.Printer.Rows(["from", "to", "customers", "revenue"],
                cmp.Cells.Select(c => new object?[] { c.From ?? "(new)", c.To ?? "(gone)", c.Customers, Math.Round(c.Revenue, 2) }));
            ctx.Out.WriteLine();
            ctx.Err.WriteLine($"{cmp.Up.Count:N0} moved up, {cmp.Down.Count:N0} moved down; the top {n}:");
            ctx.Printer.Rows(["direction", "customer", "from", "to", "revenue_from", "revenue_to"],
                cmp.Up.Take(n).Select(m => new object?[] { "up", m.CustomerKey, m.From, m.To, Math.Round(m.RevenueFrom, 2), Math.Round(m.RevenueTo, 2) })
                    .Concat(cmp.Down.Take(n).Select(m => new object?[] { "down", m.CustomerKey, m.From, m.To, Math.Round(m.RevenueFrom, 2), Math.Round(m.RevenueTo, 2) })));
            return 0;
        }));
        return command;
    }

    public static Command CreateExport(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var run = new Argument<long>("run") { Description = "Run number" };
        var output = new Option<string>("--out") { Description = "File to write: .csv or .xlsx", Required = true };
        var what = new Argument<string>("what") { Description = "What to export: run" };
        var command = new Command("export", "Export a classification run: every customer's tier, segment, stage, tags, revenue and each classifier's class and reason, as CSV or Excel")
        {
            what, run, output,
        };
        command.SetAction(wrap(ctx =>
        {
            if (!string.Equals(ctx.Parse.GetValue(what), "run", StringComparison.OrdinalIgnoreCase))
                throw new UsageException("only runs can be exported: allot export run N --out FILE.xlsx");
            using var store = ctx.OpenStore();
            long id = ctx.Parse.GetValue(run);
            if (store.GetClassificationRuns(int.MaxValue).All(r => r.Id != id)) throw new ArgumentException($"no run {id}; see `allot runs list`");
            string path = ctx.Parse.GetValue(output)!;
            var first = store.ReadClassifications(id).FirstOrDefault();
            var classifiers = first?.Classes.Select(c => c.Classifier).ToList() ?? [];
            List<string> columns = ["customer_id", "tier", "segment", "lifecycle_stage", "tags", "revenue",
                .. classifiers, .. classifiers.Select(c => c + "_reason")];
            var rows = store.ReadClassifications(id).Select(c => (object?[])[
                c.CustomerKey, c.Tier, c.Segment, c.LifecycleStage, string.Join(';', c.Tags), Math.Round(c.Revenue, 2),
                .. c.Classes.Select(x => (object?)x.Class), .. c.Classes.Select(x => (object?)x.Reason)]);
            if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) XlsxWriter.Write(path, $"run {id}", columns, rows);
            else
            {
                using var w = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(true));
                new Printer(w, Output.OutputFormat.Csv).Rows(columns, rows);
            }
            ctx.Err.WriteLine($"wrote run {id} to {Path.GetFullPath(path)}");
            return 0;
        }));
        return command;
    }
}
