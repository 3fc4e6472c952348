using System.CommandLine;

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
}
