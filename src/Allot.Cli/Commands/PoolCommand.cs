using System.CommandLine;
using Allot.Cli.Output;
using Allot.Core.Customers;
using Allot.Core.Maintenance;
using Allot.Core.Pool;

namespace Allot.Cli.Commands;

/// <summary><c>allot pool init|check|reclaim|list|claim|assign|release|history</c>: the public pool (公海).</summary>
internal static class PoolCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("pool", "The public pool (公海): reclaim customers nobody follows up, claim them within limits, list them");
        var rules = RulesFile.RulesOption();
        var today = RulesFile.TodayOption();

        var output = new Option<string?>("--out") { Description = "File to write (default: <store>.rules.json beside the store; - for stdout)" };
        var init = new Command("init", "Write an annotated rules file (pools, reclaim and claim limits, follow-up cadence, care, alerts)") { output };
        init.SetAction(wrap(ctx =>
        {
            string path = ctx.Parse.GetValue(output) ?? RulesFile.DefaultPath(ctx.DbPath);
            if (path == "-")
            {
                ctx.Out.Write(DefaultRules.Text);
                return 0;
            }
            if (File.Exists(path)) throw new ArgumentException($"{path} exists; choose another --out or delete it first");
            File.WriteAllText(path, DefaultRules.Text);
            ctx.Err.WriteLine($"wrote {Path.GetFullPath(path)}; review it, then check it with: allot pool check");
            return 0;
        }));

        var file = new Argument<string?>("file") { Description = "Rules file (default: as --rules)", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Validate a rules file: errors give file:line:column and what was expected; prints each pool") { file };
        check.SetAction(wrap(ctx =>
        {
            string path = RulesFile.PathFor(ctx, ctx.Parse.GetValue(file));
            if (!File.Exists(path)) throw new ArgumentException($"{path}: rules file not found (write one with `allot pool init`)");
            var parsed = RulesParser.Parse(File.ReadAllText(path), path);
            ctx.Printer.Rows(["pool", "regions", "teams", "reps", "managers"], parsed.Pools.Select(p => new object?[]
            {
                p.Name, p.CatchAll ? "(every other region)" : string.Join("; ", p.Regions.Order(StringComparer.Ordinal)),
                string.Join("; ", p.Teams), string.Join("; ", p.Reps), string.Join("; ", p.Managers.Concat(parsed.Managers).Distinct()),
            }));
            ctx.Err.WriteLine($"{path} is valid: {parsed.Pools.Count} pool(s)");
            return 0;
        }));

        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would happen; change nothing" };
        var by = RulesFile.ByOption();
        var reclaim = new Command("reclaim", "Warn owners and return customers with no follow-up or no order for too long to the pool") { dryRun, rules, today, by };
        reclaim.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            bool dry = p.GetValue(dryRun);
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: !dry);
            using var store = ctx.OpenStore();
            using var session = store.BeginMaintenance();
            var result = DailyJob.Run(session, r, new JobOptions("reclaim", RulesFile.Today(ctx, today), p.GetValue(by) ?? Environment.UserName,
                JobSteps.Reclaim, r.FollowUps.HorizonWeeks, dry));
            if (!dry) session.Commit();
            ctx.Printer.Rows(["customer", "event", "pool", "rep", "due", "reason"],
                result.Events.Select(e => new object?[] { e.CustomerKey, Kind(e.Kind), e.Pool, e.RepKey, e.Due, e.Reason }));
            ctx.Err.WriteLine((dry ? "dry run, nothing changed: " : "") + result.Summary);
            return 0;
        }));

        var pool = new Option<string?>("--pool") { Description = "Only this pool" };
        var region = new Option<string?>("--region") { Description = "Only this region" };
        var tier = new Option<string?>("--tier") { Description = "Only this tier (latest classification run)" };
        var limit = new Option<int>("--limit") { Description = "Rows to show (default 50)", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Rows to skip" };
        var asRep = new Option<string?>("--as-rep") { Description = "Show as this rep sees it (contact details masked)" };
        var asManager = new Option<string?>("--as-manager") { Description = "Show as this manager sees it (contacts of the pools it manages)" };
        var list = new Command("list", "Customers in the pool, with their pool, tier and how long they have been there; contact details masked "
            + "unless --as-manager names a manager of the pool") { pool, region, tier, limit, offset, asRep, asManager, rules, today };
        list.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: false);
            var viewer = p.GetValue(asManager) is { } m ? Viewer.Manager(m) : Viewer.Rep(p.GetValue(asRep) ?? "-");
            var day = RulesFile.Today(ctx, today);
            using var store = ctx.OpenStore();
            List<BookCustomer> page;
            using (var session = store.BeginMaintenance(write: false))
            {
                page = [.. session.ReadBook(CustomerStatus.Pool)
                    .Where(c => (p.GetValue(pool) is not { } pn || r.PoolOf(c.Region).Name == pn)
                        && (p.GetValue(region) is not { } rg || c.Region == rg) && (p.GetValue(tier) is not { } t || c.Tier == t))
                    .Skip(Math.Max(0, p.GetValue(offset))).Take(Math.Clamp(p.GetValue(limit), 1, 100_000))];
            }
            bool masked = false;
            ctx.Printer.Rows(["key", "name", "pool", "region", "industry", "tier", "in_pool_since", "days", "last_owner", "phone", "email"], page.Select(b =>
            {
                var c = store.GetCustomer(b.Key)!;
                var shown = ContactRedaction.Redact(c, viewer, r);
                masked |= !ReferenceEquals(shown, c);
                string? lastOwner = store.GetOwnerHistory(b.Key).LastOrDefault(h => h.ToRepKey is null)?.FromRepKey;
                return new object?[]
                {
                    b.Key, b.Name, r.PoolOf(b.Region).Name, b.Region, c.Industry, b.Tier, b.OwnerSince,
                    b.OwnerSince is { } s ? day.DayNumber - s.DayNumber : null, lastOwner, shown.Phone, shown.Email,
                };
            }).ToList());
            if (masked) ctx.Err.WriteLine("contact details are masked until a rep claims the customer; --as-manager NAME shows them to a manager of its pool");
            return 0;
        }));

        var customer = new Argument<string>("customer") { Description = "Customer key" };
        var rep = new Option<string>("--rep") { Description = "The rep", Required = true };
        var claimBy = RulesFile.ByOption("Who claims, recorded with the event (default: the rep)");
        var claim = new Command("claim", "A rep claims a customer from the pool (limits per day and month, ownership cap, cool-down)")
            { customer, rep, claimBy, rules, today };
        claim.SetAction(wrap(ctx => Take(ctx, customer, rep, rules, today, ctx.Parse.GetValue(claimBy), manager: false)));

        var manager = new Option<string>("--by") { Description = "The manager (must manage the customer's pool)", Required = true };
        var assign = new Command("assign", "A manager gives a pool customer to a rep directly (no claim limits, within the ownership cap)")
            { customer, rep, manager, rules, today };
        assign.SetAction(wrap(ctx => Take(ctx, customer, rep, rules, today, ctx.Parse.GetValue(manager), manager: true)));

        var reason = new Option<string?>("--reason") { Description = "Why (recorded)" };
        var releaseBy = RulesFile.ByOption();
        var release = new Command("release", "Give an owned customer back to the pool") { customer, reason, releaseBy, rules, today };
        release.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: false);
            string who = p.GetValue(releaseBy) ?? Environment.UserName;
            using var store = ctx.OpenStore();
            using var session = store.BeginMaintenance();
            var verdict = PoolActions.Release(session, r, p.GetValue(customer)!, who, p.GetValue(reason) ?? "released", RulesFile.Today(ctx, today));
            return Answer(ctx, session, verdict, p.GetValue(customer)!, null);
        }));

        var historyKey = new Argument<string?>("customer") { Description = "Customer key (default: every customer)", Arity = ArgumentArity.ZeroOrOne };
        var historyLimit = new Option<int>("--limit") { Description = "Events to show (default 100)", DefaultValueFactory = _ => 100 };
        var history = new Command("history", "Pool events (warned, reclaimed, released, pooled, claimed, assigned), newest first: who, when, why") { historyKey, historyLimit };
        history.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            var events = store.GetPoolEvents(ctx.Parse.GetValue(historyKey), Math.Clamp(ctx.Parse.GetValue(historyLimit), 1, 1_000_000));
            ctx.Printer.Rows(["day", "customer", "event", "pool", "rep", "by", "due", "reason", "recorded_at"],
                events.Select(e => new object?[] { e.Day, e.CustomerKey, Kind(e.Kind), e.Pool, e.RepKey, e.By, e.Due, e.Reason, e.At }));
            return 0;
        }));

        foreach (var sub in new[] { init, check, reclaim, list, claim, assign, release, history }) command.Subcommands.Add(sub);
        return command;
    }

    private static int Take(CliContext ctx, Argument<string> customer, Option<string> rep, Option<string?> rules, Option<DateOnly?> today, string? by, bool manager)
    {
        var p = ctx.Parse;
        var r = RulesFile.Load(ctx, p.GetValue(rules), required: false);
        string key = p.GetValue(customer)!, repKey = p.GetValue(rep)!;
        var day = RulesFile.Today(ctx, today);
        using var store = ctx.OpenStore();
        using var session = store.BeginMaintenance();
        var verdict = manager
            ? PoolActions.Assign(session, r, key, repKey, by!, day)
            : PoolActions.Claim(session, r, key, repKey, by ?? repKey, day);
        return Answer(ctx, session, verdict, key, repKey);
    }

    /// <summary>Commits an allowed action and prints it; a refusal prints its reason and exits 1, changing nothing.</summary>
    private static int Answer(CliContext ctx, Storage.IMaintenanceSession session, ClaimVerdict verdict, string key, string? repKey)
    {
        if (verdict.Allowed) session.Commit();
        ctx.Printer.Record([("customer", key), ("rep", repKey), ("result", verdict.Allowed ? "done" : "refused"),
            ("reason", verdict.Refusal is { } why ? Snake(why.ToString()) : null), ("message", verdict.Message)]);
        if (verdict.Allowed) return 0;
        ctx.Err.WriteLine($"allot: refused: {verdict.Message}");
        return 1;
    }

    public static string Kind(PoolEventKind kind) => kind.ToString().ToLowerInvariant();

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
