using System.CommandLine;

namespace Allot.Cli.Commands;

/// <summary><c>allot stats</c>: counts and totals of the store.</summary>
internal static class StatsCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("stats", "Counts and totals: customers, reps, orders, amount, profit, receivables, interactions");
        command.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            Print(ctx, store.GetStats());
            return 0;
        }));
        return command;
    }

    public static void Print(CliContext ctx, Storage.StoreStats s) => ctx.Printer.Record(
    [
        ("customers", s.Customers),
        ("reps", s.Reps),
        ("orders", s.Orders),
        ("amount_total", s.AmountTotal),
        ("profit_total", s.ProfitTotal),
        ("invoices", s.Invoices),
        ("payments", s.Payments),
        ("interactions", s.Interactions),
        ("feedback", s.Feedback),
        ("first_order", s.FirstOrder),
        ("last_order", s.LastOrder),
    ]);
}
