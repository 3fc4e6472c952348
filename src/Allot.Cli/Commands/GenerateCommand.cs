using System.CommandLine;
using System.Diagnostics;
using Allot.Import.Generation;

namespace Allot.Cli.Commands;

/// <summary><c>allot generate</c>: a realistic synthetic data set as CSV in the canonical layout.</summary>
internal static class GenerateCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers", DefaultValueFactory = _ => 10_000 };
        var reps = new Option<int>("--reps") { Description = "Number of reps", DefaultValueFactory = _ => 50 };
        var orders = new Option<long>("--orders") { Description = "Number of orders", DefaultValueFactory = _ => 200_000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives the same bytes", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var command = new Command("generate", "Write synthetic customers, reps, orders, invoices, payments, interactions and feedback as CSV")
        {
            customers, reps, orders, seed, output,
        };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var options = new GenerationOptions
            {
                Customers = p.GetValue(customers), Reps = p.GetValue(reps), Orders = p.GetValue(orders), Seed = p.GetValue(seed),
            };
            return Run(ctx, options, p.GetValue(output)!);
        }));
        return command;
    }

    public static int Run(CliContext ctx, GenerationOptions options, string dir)
    {
        Directory.CreateDirectory(dir);
        var watch = Stopwatch.StartNew();
        GenerationSummary summary;
        using (var bar = ctx.Progress("generate"))
            summary = DataGenerator.Generate(options, dir, bar);
        ctx.Err.WriteLine($"generated in {watch.Elapsed.TotalSeconds:0.0} s into {Path.GetFullPath(dir)}");
        ctx.Printer.Record([.. SummaryFields(summary)]);
        return 0;
    }

    private static IEnumerable<(string, object?)> SummaryFields(GenerationSummary summary) =>
        typeof(GenerationSummary).GetProperties().Select(prop => (ToSnake(prop.Name), prop.GetValue(summary)));

    private static string ToSnake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
