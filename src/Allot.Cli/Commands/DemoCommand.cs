using System.CommandLine;
using Allot.Core.Classification;
using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Importing;
using Allot.Import.Generation;
using Allot.Import.Importing;
using Allot.Storage;
using Allot.Storage.Runs;

namespace Allot.Cli.Commands;

/// <summary><c>allot demo</c>: generates a sample book into a fresh store (SQLite, or PostgreSQL with a server
/// <c>--db</c>) and runs every stage that exists.</summary>
internal static class DemoCommand
{
    private static readonly (EntityKind Kind, string File)[] Files =
    [
        (EntityKind.Reps, "reps.csv"),
        (EntityKind.Customers, "customers.csv"),
        (EntityKind.Orders, "orders.csv"),
        (EntityKind.Invoices, "invoices.csv"),
        (EntityKind.Payments, "payments.csv"),
        (EntityKind.Interactions, "interactions.csv"),
        (EntityKind.Feedback, "feedback.csv"),
    ];

    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var dir = new Option<string>("--dir") { Description = "Folder for the sample data and the demo store (replaced)", DefaultValueFactory = _ => "allot-demo" };
        var customers = new Option<int>("--customers") { Description = "Customers to generate", DefaultValueFactory = _ => 2_000 };
        var reps = new Option<int>("--reps") { Description = "Reps to generate", DefaultValueFactory = _ => 40 };
        var orders = new Option<long>("--orders") { Description = "Orders to generate", DefaultValueFactory = _ => 40_000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 7 };
        var command = new Command("demo", "Generate a sample book into a fresh store (a SQLite file in --dir, or with --db postgres://… the schema allot_demo) and run the whole pipeline on it")
        {
            dir, customers, reps, orders, seed,
        };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            string folder = p.GetValue(dir)!;
            string data = Path.Combine(folder, "data");
            // A PostgreSQL --db (or ALLOT_DB) holds the demo store in a schema of its own; otherwise a file in the folder.
            bool server = ctx.DbIsServer;
            string db = server ? ctx.DbPath : Path.Combine(folder, "allot.db");
            Directory.CreateDirectory(folder);

            ctx.Err.WriteLine("1/7 Generating a sample book (synthetic customers, reps, orders, receivables, follow-ups)…");
            var options = new GenerationOptions { Customers = p.GetValue(customers), Reps = p.GetValue(reps), Orders = p.GetValue(orders), Seed = p.GetValue(seed) };
            using (var bar = ctx.Progress("generate"))
                DataGenerator.Generate(options, data, bar);

            using var store = StoreFactory.Replace(db, "allot_demo", ctx.Clock);
            string shown = server ? store.Location : Path.GetFullPath(db);
            ctx.Err.WriteLine($"2/7 Importing into a fresh {(server ? "PostgreSQL" : "SQLite")} store at {shown}; every file lands whole or not at all…");
            string rejects = server ? Path.Combine(folder, "allot.rejects.csv") : ImportCommand.DefaultRejectsPath(db);
            // Follow-up commands name the store without its password (PGPASSWORD or ~/.pgpass supplies it).
            db = server ? store.Location : db;
            var reports = new List<FileImportReport>();
            foreach (var (kind, file) in Files)
            {
                reports.AddRange(ImportCommand.Run(ctx, store, kind, [Path.Combine(data, file)], new ImportOptions(), null,
                    rejects + "." + kind.ToString().ToLowerInvariant() + ".csv", "demo", out _));
            }
            ctx.Printer.Rows(["file", "read", "imported", "updated", "rejected"],
                reports.Select(r => new object?[] { Path.GetFileName(r.File), r.Read, r.Imported, r.Updated, r.Rejected }));

            ctx.Out.WriteLine();
            ctx.Err.WriteLine("3/7 What the store holds:");
            StatsCommand.Print(ctx, store.GetStats());

            ctx.Out.WriteLine();
            ctx.Out.WriteLine();
            ctx.Err.WriteLine("4/7 Classification with the bundled retail scheme (ABC on sales as the tier, RFM segments, lifecycle stages), stored as a run:");
            var (scheme, schemeText) = SchemeCommand.LoadWithText(null);
            var classified = ClassificationRuns.Run(ClassificationRuns.Indicators(store, null), scheme);
            var (table, outcome) = (classified.Table, classified.Outcome);
            long runId = ClassificationRuns.Save(store, "demo", schemeText, classified);
            ClassifyCommand.PrintSummary(ctx, classified, runId);
            ClassifyCommand.PrintClassTable(ctx, Rfm.EightClass(table), table);
            ctx.Err.WriteLine($"Why a customer landed where it did: allot explain {outcome.Customers[0].CustomerKey} --db {db}");
            ctx.Err.WriteLine();

            ctx.Err.WriteLine("5/7 Customer value (BG/NBD + Gamma-Gamma): the valuable customers who have probably stopped buying, by value at risk:");
            long valueRun = ValueCommand.ShowTopChurnWarnings(ctx, store, "demo", 10);
            ctx.Err.WriteLine($"More: allot value show KEY --db {db}   ·   allot value report --out value.html --db {db}   (value run {valueRun})");
            ctx.Err.WriteLine();

            ctx.Err.WriteLine("6/7 Allocation with the bundled policy: the whole book at once, proposed, stored and applied:");
            Allocate(ctx, store, db);

            ctx.Err.WriteLine("7/7 Possible duplicate customers (客户查重), never merged silently:");
            var pairs = DuplicateFinder.Find(store.ReadCustomers());
            ctx.Printer.Rows(["first", "second", "reason", "detail"], pairs.Take(10).Select(x => new object?[] { x.FirstKey, x.SecondKey, x.Reason, x.Detail }));
            ctx.Err.WriteLine($"{pairs.Count:N0} pair(s) in all; list them with: allot customers duplicates --db {db}");
            ctx.Err.WriteLine();
            ctx.Err.WriteLine($"Next: allot customers list --db {db}   ·   allot customers show KEY --db {db}   ·   allot stats --db {db} --format json");
            ctx.Err.WriteLine($"The web UI and the API: allot user add admin --role admin --db {db}   then   allot serve --db {db}   (http://127.0.0.1:5080)");
            return 0;
        }));
        return command;
    }

    private static void Allocate(CliContext ctx, Storage.IStore store, string db)
    {
        var (policy, policyText) = PolicyCommand.Load(null);
        var (request, classificationRun) = AllocationRuns.LoadRequest(store, policy, null, null, ctx.Err.WriteLine);
        var greedy = Core.Allocation.Planning.Allocator.Plan(request with { Strategy = Core.Allocation.Planning.AllocationStrategy.Greedy });
        var plan = Core.Allocation.Planning.Allocator.Plan(request);
        long runId = AllocationRuns.Save(store, "demo", policy, policyText, classificationRun, plan, request);
        var applied = store.ApplyAllocation(runId, "demo", _ => true);
        var tiers = request.RunTiers;
        ctx.Printer.Rows(["rep", "capacity", "before", "after", "gained", "lost", "value_after", .. tiers],
            plan.Reps.Take(12).Select(r => (object?[])[r.RepKey, r.Capacity, r.LoadBefore, r.LoadAfter, r.Gained, r.Lost, r.ValueAfter, .. r.TierMix.Select(x => (object?)x)]));
        ctx.Err.WriteLine($"… {plan.Reps.Count} reps in all: allot allocate show {runId} --db {db}");
        ctx.Printer.Rows(["strategy", "total_fit", "expertise_share", "seniority_share", "owner_changes", "no_room", "load_gini"],
        [
            ["optimal", plan.Quality.TotalFit, plan.Quality.ExpertiseShare, plan.Quality.SeniorityShare, plan.Quality.OwnerChanges, plan.Quality.Unassigned, plan.Quality.Gini],
            ["greedy (Odoo-style)", greedy.Quality.TotalFit, greedy.Quality.ExpertiseShare, greedy.Quality.SeniorityShare, greedy.Quality.OwnerChanges, greedy.Quality.Unassigned, greedy.Quality.Gini],
        ]);
        if (plan.Quality.Unassigned > 0)
            ctx.Err.WriteLine($"{plan.Quality.Unassigned:N0} customer(s) found no eligible rep with room (the sample reps' capacities are tight in some regions): they stay with their owners; see the under-served regions with allot allocate --no-store --db {db}");
        ctx.Err.WriteLine($"allocation run {runId} applied: {applied.Changed:N0} owner change(s), each in the owner history with the run and its reason");
        var moved = plan.Assignments.FirstOrDefault(a => a.Changes && a.CurrentRep is not null) ?? plan.Assignments[0];
        ctx.Out.WriteLine();
        ctx.Out.WriteLine($"{moved.CustomerKey}: {moved.Reason}");
        ctx.Err.WriteLine($"More: allot allocate why {moved.CustomerKey} --db {db}   ·   allot allocate why {moved.CustomerKey} --not REP --db {db}");
        ctx.Err.WriteLine();
    }
}
