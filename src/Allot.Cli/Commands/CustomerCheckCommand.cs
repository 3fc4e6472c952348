using System.CommandLine;
using Allot.Core.Customers;
using Allot.Core.Importing;
using Allot.Import.Importing;

namespace Allot.Cli.Commands;

/// <summary><c>allot customers check FILE</c>: before creating customers, tells for each whether it exists, is in the
/// pool or belongs to another rep (客户查重 against the book); imports nothing.</summary>
internal static class CustomerCheckCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var file = new Argument<string>("file") { Description = "Customers file (CSV/XLSX, the layout `allot import customers` reads)" };
        var asRep = new Option<string?>("--as-rep") { Description = "The rep about to create them: its own customers are told apart" };
        var onlyNew = new Option<bool>("--only-new") { Description = "Exit 1 when any row is not new (for scripts that create only new customers)" };
        var command = new Command("check", "Before creating customers: does each exist already, is it in the pool, or does it belong to another rep? "
            + "Matches by key, phone, email or near-identical name in the same city; imports nothing") { file, asRep, onlyNew };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            string path = p.GetValue(file)!;
            if (!File.Exists(path)) throw new ArgumentException($"{path}: file not found");
            long rejected = 0;
            var today = DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime);
            var incoming = FileRecords.Read<Customer>(EntityKind.Customers, path, today, _ => rejected++).ToList();
            using var store = ctx.OpenStore();
            var results = CustomerCheck.Check(store.ReadCustomers(), incoming, p.GetValue(asRep));
            ctx.Printer.Rows(["key", "name", "verdict", "match", "existing", "owner", "message"], results.Select(r => new object?[]
            {
                r.Key, r.Name, Snake(r.Verdict.ToString()), r.Match, r.MatchKey, r.OwnerRepKey, r.Message,
            }));
            int notNew = results.Count(r => r.Verdict != CheckVerdict.New);
            ctx.Err.WriteLine($"{results.Count} row(s): {results.Count - notNew} new, {notNew} already known"
                + (rejected > 0 ? $"; {rejected} invalid row(s) left out (import them to see why)" : ""));
            return p.GetValue(onlyNew) && notNew > 0 ? 1 : 0;
        }));
        return command;
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
