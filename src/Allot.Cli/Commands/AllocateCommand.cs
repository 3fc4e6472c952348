using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allot.Cli.Output;
using Allot.Core.Allocation;
using Allot.Core.Allocation.Planning;
using Allot.Core.Allocation.Policies;
using Allot.Core.Classification.Lifecycle;
using Allot.Core.Customers;
using Allot.Core.Importing;
using Allot.Core.Reps;
using Allot.Import.Importing;
using Allot.Storage;
using Allot.Storage.Runs;

namespace Allot.Cli.Commands;

/// <summary><c>allot allocate</c>: propose owners for the whole book (stored as an allocation run), explain, apply.</summary>
internal static class AllocateCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var policyFile = new Option<string?>("--policy") { Description = "Policy file (default: the bundled policy; see `allot policy init`)" };
        var strategy = new Option<string>("--strategy")
        {
            Description = "optimal (the whole book at once), greedy (by value, best rep with room: Odoo-style) or round-robin (Zoho/HubSpot-style)",
            DefaultValueFactory = _ => "optimal",
        };
        strategy.AcceptOnlyFromAmong("optimal", "greedy", "round-robin");
        var newOnly = new Option<bool>("--new-only") { Description = "Place only customers without an owner; everyone else keeps theirs" };
        var without = new Option<string[]>("--without-rep") { Description = "What-if: take a rep out (repeatable); its customers move", AllowMultipleArgumentsPerToken = true };
        var addRep = new Option<string?>("--add-rep") { Description = "What-if: reps from this CSV file (the reps layout) join the team" };
        var capacity = new Option<string[]>("--capacity") { Description = "What-if: REP=N accounts (repeatable)", AllowMultipleArgumentsPerToken = true };
        var run = new Option<long?>("--classification-run") { Description = "Classification run whose tiers and stages to use (default: the latest)" };
        var noStore = new Option<bool>("--no-store") { Description = "Print the proposal without storing it" };
        var dimacs = new Option<string?>("--export-dimacs") { Description = "Write the optimisation network in DIMACS min-cost-flow format to this file" };
        var by = new Option<string?>("--by") { Description = "Who proposes it, recorded with the run (default: the OS user)" };
        var maxChanges = new Option<string?>("--max-changes")
        {
            Description = "At most N owner changes, or P% of owned customers (met by Lagrangian tuning of a continuity bonus; the gap to the capped optimum is reported)",
        };
        var command = new Command("allocate", "Propose an owner for every customer — optimal for the whole book, with the reason for each — stored as a run to review and apply")
        {
            policyFile, strategy, newOnly, without, addRep, capacity, run, noStore, dimacs, by, maxChanges,
        };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var (policy, policyText) = PolicyCommand.Load(p.GetValue(policyFile));
            using var store = ctx.OpenStore();
            var (request, classificationRun) = LoadRequest(ctx, store, policy, p.GetValue(run), p.GetValue(addRep));
            var strategyValue = p.GetValue(strategy) switch
            {
                "greedy" => AllocationStrategy.Greedy,
                "round-robin" => AllocationStrategy.RoundRobin,
                _ => AllocationStrategy.Optimal,
            };
            var repKeys = request.Reps.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var withoutReps = (p.GetValue(without) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
            foreach (string r in withoutReps)
                if (!repKeys.Contains(r)) throw new UsageException($"--without-rep: no rep with key '{r}'");
            request = request with
            {
                Strategy = strategyValue, NewOnly = p.GetValue(newOnly), WithoutReps = withoutReps,
                CapacityOverrides = Capacities(p.GetValue(capacity) ?? [], repKeys),
                MaxChanges = MaxChanges(p.GetValue(maxChanges), request.Customers.Count(c => c.Owner is not null && repKeys.Contains(c.Owner))),
            };
            if (request.MaxChanges is not null && strategyValue != AllocationStrategy.Optimal)
                throw new UsageException("--max-changes works with --strategy optimal");
            if (p.GetValue(dimacs) is { } dimacsPath)
            {
                using var w = new StreamWriter(dimacsPath, append: false, new System.Text.UTF8Encoding(false));
                Dimacs.Write(Allocator.Problem(request), w);
                ctx.Err.WriteLine($"wrote the network to {Path.GetFullPath(dimacsPath)} (DIMACS min-cost flow)");
            }
            var plan = Allocator.Plan(request);
            long? runId = null;
            if (!p.GetValue(noStore))
            {
                runId = AllocationRuns.Save(store, p.GetValue(by) ?? Environment.UserName, policy, policyText, classificationRun, plan, request);
                ctx.Err.WriteLine($"stored as allocation run {runId}: {plan.Quality.OwnerChanges:N0} owner change(s) proposed; nothing changes until `allot allocate apply {runId}`");
            }
            Print(ctx, plan, request, runId);
            return 0;
        }));

        command.Subcommands.Add(RunsList(wrap));
        command.Subcommands.Add(Show(wrap));
        command.Subcommands.Add(Why(wrap));
        command.Subcommands.Add(Apply(wrap));
        return command;
    }

    /// <summary>The request for the store's book (see <see cref="AllocationRuns.LoadRequest"/>), with reps from a
    /// CSV file for a what-if.</summary>
    public static (AllocationRequest Request, long ClassificationRun) LoadRequest(CliContext ctx, IStore store, AllocationPolicy policy, long? runId, string? addRepFile) =>
        AllocationRuns.LoadRequest(store, policy, runId, addRepFile is null ? null : ReadReps(ctx, addRepFile, store.GetReps()), ctx.Err.WriteLine);

    private static List<Rep> ReadReps(CliContext ctx, string path, IReadOnlyList<Rep> existing)
    {
        if (!File.Exists(path)) throw new ArgumentException($"--add-rep: {path} not found");
        var today = DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime);
        var rejects = new List<RowReject>();
        var reps = FileRecords.Read<Rep>(EntityKind.Reps, path, today, rejects.Add).ToList();
        if (rejects.Count > 0)
            throw new ArgumentException($"--add-rep: {path} has {rejects.Count} bad row(s); first: line {rejects[0].Line}: {rejects[0].Reason}");
        foreach (var r in reps)
            if (existing.Any(e => e.Key == r.Key)) throw new ArgumentException($"--add-rep: rep '{r.Key}' already exists in the store");
        return reps;
    }

    private static Dictionary<string, int> Capacities(string[] values, HashSet<string> repKeys)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string v in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || !int.TryParse(v.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                throw new UsageException($"--capacity: '{v}' should be REP=N, e.g. R0001=150");
            string rep = v[..eq];
            if (!repKeys.Contains(rep)) throw new UsageException($"--capacity: no rep with key '{rep}'");
            map[rep] = n;
        }
        return map;
    }

    private static int? MaxChanges(string? value, int owned)
    {
        if (value is null) return null;
        bool percent = value.EndsWith('%');
        if (!double.TryParse(percent ? value[..^1] : value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0 || (!percent && v != Math.Floor(v)))
            throw new UsageException($"--max-changes: '{value}' should be a whole number of changes or a percentage of owned customers, e.g. 200 or 5%");
        return percent ? (int)Math.Floor(owned * v / 100) : (int)v;
    }

    private static void Print(CliContext ctx, AllocationPlan plan, AllocationRequest request, long? runId)
    {
        if (ctx.Format == OutputFormat.Json)
        {
            var json = AllocationRuns.Summary(plan, request);
            json["run"] = runId;
            ctx.Printer.Json(json);
            return;
        }
        var tiers = request.RunTiers.Count > 0 ? request.RunTiers : ["all"];
        ctx.Printer.Rows(["rep", "capacity", "fair_share", "before", "after", "workload", "gained", "lost", "value_before", "value_after", .. tiers],
            plan.Reps.Where(r => r.Capacity > 0 || r.LoadBefore > 0).Select(r => (object?[])[r.RepKey, r.Capacity, r.FairShare, r.LoadBefore, r.LoadAfter, r.WorkloadAfter,
                r.Gained, r.Lost, r.ValueBefore, r.ValueAfter, .. r.TierMix.Select(x => (object?)x)]));
        ctx.Out.WriteLine();
        var under = plan.Regions.Where(r => r.UnderServed).ToList();
        if (under.Count > 0)
        {
            ctx.Printer.Rows(["under-served region", "customers", "capacity", "unassigned", "value"],
                under.Select(r => new object?[] { r.Region, r.Customers, r.Capacity, r.Unassigned, r.Value }));
            ctx.Out.WriteLine();
        }
        var q = plan.Quality;
        ctx.Printer.Record([
            ("run", runId), ("strategy", AllocationRuns.StrategyName(plan.Strategy)), ("customers", plan.Assignments.Count), ("objective", plan.Objective),
            ("total_fit", q.TotalFit), ("expertise_share", q.ExpertiseShare), ("seniority_share", q.SeniorityShare), ("owner_changes", q.OwnerChanges),
            ("unassigned", q.Unassigned), ("load_max_min", double.IsFinite(q.MaxMinLoad) ? q.MaxMinLoad : null), ("load_gini", q.Gini),
        ]);
        if (plan.ChangeCap is { } cap)
        {
            ctx.Err.WriteLine(cap.Met
                ? $"change cap {cap.Cap:N0}: {cap.Changes:N0} change(s) instead of {cap.Unconstrained:N0}, with a continuity bonus of {cap.Lambda / 100.0:0.##} point(s); "
                  + $"at most {cap.Gap(plan.Objective) / 100.0:0.##} point(s) from the best allocation within the cap ({cap.Solves} solves)"
                : $"change cap {cap.Cap:N0} cannot be met: at least {cap.Changes:N0} change(s) are forced (reps out, inactive or full); the uncapped proposal is shown");
        }
    }

    private static Command RunsList(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var list = new Command("runs", "The stored allocation runs, newest first");
        list.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            ctx.Printer.Rows(["run", "created_at", "by", "policy", "strategy", "classification_run", "customers", "changes", "objective", "applied_at", "applied_by", "applied"],
                store.GetAllocationRuns().Select(r => new object?[]
                {
                    r.Id, r.CreatedAt, r.By, r.PolicyName, r.Strategy, r.ClassificationRunId, r.Customers, r.Changes, r.Objective, r.AppliedAt, r.AppliedBy, r.AppliedChanges,
                }));
            return 0;
        }));
        return list;
    }

    private static long RunOrLatest(IStore store, long? run) =>
        run ?? store.GetAllocationRuns(1).FirstOrDefault()?.Id ?? throw new ArgumentException("no allocation run yet: run `allot allocate` first");

    private static Command Show(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var run = new Argument<long?>("run") { Description = "Allocation run (default: the latest)", Arity = ArgumentArity.ZeroOrOne };
        var rep = new Option<string?>("--rep") { Description = "Only this rep's customers (proposed or current)" };
        var changes = new Option<bool>("--changes") { Description = "Only customers whose owner changes" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (default 50; 0 = all)", DefaultValueFactory = _ => 50 };
        var show = new Command("show", "A run's per-rep summary, or its assignments with --rep / --changes") { run, rep, changes, limit };
        show.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            long id = RunOrLatest(store, ctx.Parse.GetValue(run));
            var info = store.GetAllocationRun(id) ?? throw new ArgumentException($"no allocation run {id}; see `allot allocate runs`");
            string? repKey = ctx.Parse.GetValue(rep);
            bool onlyChanges = ctx.Parse.GetValue(changes);
            if (repKey is null && !onlyChanges)
            {
                if (ctx.Format == OutputFormat.Json)
                {
                    var node = JsonNode.Parse(info.SummaryJson)!;
                    node["run"] = id;
                    ctx.Printer.Json(node);
                    return 0;
                }
                var summary = JsonNode.Parse(info.SummaryJson)!;
                var tiers = summary["tiers"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
                ctx.Printer.Rows(["rep", "capacity", "before", "after", "gained", "lost", "value_before", "value_after", .. tiers],
                    summary["reps"]!.AsArray().Select(r => (object?[])[r!["rep"]!.GetValue<string>(), (int)r["capacity"]!, (int)r["load_before"]!, (int)r["load_after"]!,
                        (int)r["gained"]!, (int)r["lost"]!, (double)r["value_before"]!, (double)r["value_after"]!, .. r["tier_mix"]!.AsArray().Select(x => (object?)(int)x!)]));
                ctx.Err.WriteLine($"run {id} ({info.Strategy}, policy '{info.PolicyName}'): {info.Changes:N0} change(s); "
                    + (info.AppliedAt is null ? $"not applied (`allot allocate apply {id}`)" : $"applied {info.AppliedChanges:N0} by {info.AppliedBy} at {info.AppliedAt:yyyy-MM-dd HH:mm}"));
                return 0;
            }
            int n = ctx.Parse.GetValue(limit);
            var rows = store.ReadAllocations(id)
                .Where(a => (repKey is null || a.ProposedRep == repKey || a.CurrentRep == repKey) && (!onlyChanges || (a.ProposedRep is not null && a.ProposedRep != a.CurrentRep)));
            if (n > 0) rows = rows.Take(n);
            ctx.Printer.Rows(["customer", "current", "proposed", "fit", "applied", "reason"],
                rows.Select(a => new object?[] { a.CustomerKey, a.CurrentRep, a.ProposedRep, a.Fit, a.Applied, a.Reason }));
            return 0;
        }));
        return show;
    }

    private static Command Why(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var customer = new Argument<string>("customer") { Description = "Customer key" };
        var run = new Option<long?>("--run") { Description = "Allocation run (default: the latest)" };
        var not = new Option<string?>("--not") { Description = "What forcing the customer to this rep would cost the whole book, and why" };
        var why = new Command("why", "Why a customer goes to its proposed rep: fit by component, runner-up and margin, binding constraint") { customer, run, not };
        why.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            long id = RunOrLatest(store, ctx.Parse.GetValue(run));
            string key = ctx.Parse.GetValue(customer)!;
            var a = store.GetAllocation(id, key) ?? throw new ArgumentException($"customer '{key}' is not in allocation run {id}");
            var details = JsonNode.Parse(a.DetailsJson)!.AsObject();
            if (ctx.Parse.GetValue(not) is not { } other)
            {
                if (ctx.Format == OutputFormat.Json)
                {
                    details["customer"] = key;
                    details["run"] = id;
                    details["current"] = a.CurrentRep;
                    details["proposed"] = a.ProposedRep;
                    details["reason"] = a.Reason;
                    ctx.Printer.Json(details);
                    return 0;
                }
                var c = details["components"]!;
                ctx.Printer.Record([
                    ("customer", key), ("run", id), ("tier", (string?)details["tier"]), ("current", a.CurrentRep), ("proposed", a.ProposedRep),
                    ("fit", a.Fit), ("seniority", (double)c["seniority"]!), ("expertise", (double)c["expertise"]!), ("lifecycle", (double)c["lifecycle"]!),
                    ("continuity", (double)c["continuity"]!), ("performance", (double)c["performance"]!), ("region_penalty", (double)c["region_penalty"]!),
                    ("runner_up", (string?)details["runner_up"]), ("runner_up_fit", (double?)details["runner_up_fit"]), ("margin", (double?)details["margin"]),
                    ("binding", (string?)details["binding"]), ("fixed", (string?)details["fixed"]), ("reason", a.Reason),
                ]);
                return 0;
            }
            return WhyNot(ctx, store, id, key, other);
        }));
        return why;
    }

    private static int WhyNot(CliContext ctx, IStore store, long runId, string customerKey, string repKey)
    {
        var info = store.GetAllocationRun(runId)!;
        if (info.Strategy != "optimal") throw new ArgumentException($"run {runId} is a {info.Strategy} run; --not explains optimal runs (dual prices)");
        string text = store.GetAllocationPolicyText(runId)!;
        var policy = PolicyParser.Parse(text, $"policy of run {runId}");
        var (request, _) = LoadRequest(ctx, store, policy, info.ClassificationRunId, null);
        // The book as the run saw it: its owners then, and its what-if options.
        var ownersThen = store.ReadAllocations(runId).ToDictionary(a => a.CustomerKey, a => a.CurrentRep, StringComparer.Ordinal);
        var options = JsonNode.Parse(info.SummaryJson)?["options"];
        request = request with
        {
            Customers = [.. request.Customers.Select(c => ownersThen.TryGetValue(c.Key, out var owner) ? c with { Owner = owner } : c)],
            NewOnly = options?["new_only"]?.GetValue<bool>() ?? false,
            WithoutReps = (options?["without_reps"]?.AsArray().Select(x => x!.GetValue<string>()) ?? []).ToHashSet(StringComparer.Ordinal),
            CapacityOverrides = options?["capacity"]?.AsObject().ToDictionary(x => x.Key, x => x.Value!.GetValue<int>(), StringComparer.Ordinal) ?? [],
        };
        var answer = Allocator.WhyNot(request, customerKey, repKey);
        if (answer.Objective != info.Objective)
            ctx.Err.WriteLine($"note: the book has changed since run {runId} (objective now {answer.Objective}, then {info.Objective}); the answer is for the book as it is now");
        if (ctx.Format == OutputFormat.Json)
        {
            ctx.Printer.Json(new JsonObject
            {
                ["customer"] = customerKey, ["rep"] = repKey, ["run"] = runId, ["feasible"] = answer.Feasible,
                ["cost"] = answer.Feasible ? answer.Cost : null, ["cost_points"] = answer.Feasible ? Math.Round(answer.Cost / 100.0, 2) : null,
                ["explanation"] = answer.Explanation,
            });
            return 0;
        }
        ctx.Printer.Record([
            ("customer", customerKey), ("rep", repKey), ("feasible", answer.Feasible),
            ("cost_to_book", answer.Feasible ? Math.Round(answer.Cost / 100.0, 2) : null), ("explanation", answer.Explanation),
        ]);
        return 0;
    }

    private static Command Apply(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var run = new Argument<long>("run") { Description = "Allocation run to apply" };
        var customers = new Option<string[]>("--customers") { Description = "Only these customers (comma-separated or repeated)", AllowMultipleArgumentsPerToken = true };
        var reps = new Option<string[]>("--reps") { Description = "Only customers moving to or from these reps", AllowMultipleArgumentsPerToken = true };
        var by = new Option<string?>("--by") { Description = "Who applies it, recorded in the owner history (default: the OS user)" };
        var apply = new Command("apply", "Apply a run's owner changes in one transaction, writing the owner history (who, when, run, why)") { run, customers, reps, by };
        apply.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            long id = ctx.Parse.GetValue(run);
            static HashSet<string>? Set(string[]? v) => v is null || v.Length == 0 ? null
                : v.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
            var onlyCustomers = Set(ctx.Parse.GetValue(customers));
            var onlyReps = Set(ctx.Parse.GetValue(reps));
            // ALLOT_FAULT_AFTER=N kills the process after N changes are written but before the commit: the crash
            // test of all-or-nothing apply uses it.
            int faultAfter = int.TryParse(Environment.GetEnvironmentVariable("ALLOT_FAULT_AFTER"), NumberStyles.None, CultureInfo.InvariantCulture, out int f) ? f : -1;
            using var bar = ctx.Progress("apply");
            var outcome = store.ApplyAllocation(id, ctx.Parse.GetValue(by) ?? Environment.UserName, a =>
                (onlyCustomers is null || onlyCustomers.Contains(a.CustomerKey))
                && (onlyReps is null || onlyReps.Contains(a.ProposedRep!) || (a.CurrentRep is not null && onlyReps.Contains(a.CurrentRep))),
                (written, total) =>
                {
                    bar.Report(total == 0 ? 1 : written / (double)total, $"{written:N0} of {total:N0} changes");
                    if (faultAfter >= 0 && written >= faultAfter) System.Diagnostics.Process.GetCurrentProcess().Kill();
                });
            if (ctx.Format == OutputFormat.Json)
                ctx.Printer.Json(new JsonObject { ["run"] = id, ["changed"] = outcome.Changed, ["unchanged"] = outcome.Unchanged });
            else
                ctx.Out.WriteLine($"applied run {id}: {outcome.Changed:N0} owner change(s), {outcome.Unchanged:N0} confirmed unchanged");
            return 0;
        }));
        return apply;
    }
}
