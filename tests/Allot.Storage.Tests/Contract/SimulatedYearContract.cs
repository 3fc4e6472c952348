using System.Data.Common;
using System.Globalization;
using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Indicators;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Import.Generation;
using Allot.Import.Importing;

namespace Allot.Storage.Tests.Contract;

/// <summary>A year of the pool, day by day on a fake clock, over a generated book: every day the daily job runs,
/// reps follow customers up (or not), claim from the pool, managers assign, customers order; every rule is checked
/// every day (in the store's own records), and at the end the events are checked against the owner history.</summary>
public abstract class SimulatedYearContract<TProvider> where TProvider : StoreProvider, new()
{
    private const int PerDay = 2, PerMonth = 15, Cooldown = 21, Warn = 7;
    private static readonly Dictionary<RepLevel, int> Caps = new() { [RepLevel.Junior] = 60, [RepLevel.Mid] = 80, [RepLevel.Senior] = 100 };

    [Fact]
    public void SimulatedYear_EveryRuleHoldsEveryDay_EventsMatchTheHistory()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 12, 31, 18, 0, 0, TimeSpan.Zero));
        using var t = new TProvider().Create(clock);
        var store = t.Store;
        string folder = Path.Combine(Path.GetTempPath(), "allot-year-" + Guid.NewGuid().ToString("N"));
        try
        {
            LoadGeneratedBook(store, folder, clock);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        var regions = store.ReadCustomers().Select(c => c.Region).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        string east = string.Join(", ", regions.Where(r => r.StartsWith("East China", StringComparison.Ordinal)).Select(r => $"\"{r}\""));
        var rules = RulesParser.Parse($$"""
            {
              "managers": ["boss"],
              "pools": [ { "name": "east", "regions": [{{east}}], "managers": ["east.lead"] }, { "name": "rest" } ],
              "defaults": {
                "reclaim": { "no_interaction_days": 45, "no_order_days": 150, "warn_days": {{Warn}}, "exempt_tags": ["locked"] },
                "claim": { "per_day": {{PerDay}}, "per_month": {{PerMonth}}, "cooldown_days": {{Cooldown}},
                           "cap_by_level": { "junior": 60, "mid": 80, "senior": 100 } },
                "followup_days": 30
              },
              "tiers": { "A": { "reclaim": { "no_interaction_days": 75 }, "followup_days": 20 } }
            }
            """, "simulation.json");
        var reps = store.GetReps();
        var random = new Random(20260101);
        var tally = new Dictionary<PoolEventKind, int>();
        var refusals = new Dictionary<ClaimRefusal, int>();
        int reruns = 0, interactions = 0, orders = 0;
        string? inactiveRep = null;
        var locked = store.ReadCustomers().Where(c => c.OwnerRepKey is not null && !c.KeyAccount).Select(c => c.Key).Take(15).ToHashSet(StringComparer.Ordinal);
        Lock(store, locked);
        var keyAccounts = store.ReadCustomers().Where(c => c.KeyAccount).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        for (var day = new DateOnly(2026, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
            if (day == new DateOnly(2026, 7, 1)) inactiveRep = Deactivate(store, reps[3].Key);

            // Morning: the daily job, once — and now and then again, which must change nothing.
            var run = Daily(store, rules, day);
            foreach (var e in run.Events) Count(tally, e.Kind);
            if (day.Day == 15)
            {
                var again = Daily(store, rules, day);
                Assert.Empty(again.Events);
                Assert.Equal(run.Tasks, again.Tasks);
                Assert.Equal(run.Alerts.Count, again.Alerts.Count);
                reruns++;
            }

            // Day: reps follow up some of their customers (A often, C rarely), log it.
            clock.Now = clock.Now.AddHours(3);
            using (var s = store.BeginMaintenance())
            {
                foreach (var c in s.ReadBook(CustomerStatus.Active).Where(c => c.OwnerRepKey is not null).ToList())
                {
                    double p = c.Tier switch { "A" => 1 / 12.0, "B" => 1 / 30.0, "C" => 1 / 55.0, _ => 1 / 80.0 };
                    if (random.NextDouble() >= p) continue;
                    s.AddInteraction(new Interaction
                    {
                        Key = $"SIM-{day:yyyyMMdd}-{++interactions}", CustomerKey = c.Key, RepKey = c.OwnerRepKey, Date = day, Kind = InteractionKind.Call,
                    });
                }
                s.Commit();
            }
            // Mondays: an import of the week's orders.
            if (day.DayOfWeek == DayOfWeek.Monday) orders += ImportOrders(store, day, random);

            // Reps claim from the pool (up to three tries, so the daily limit bites), managers assign, someone releases.
            var poolKeys = PoolKeys(store);
            foreach (var rep in reps.Where(r => r.Key != inactiveRep))
            {
                for (int i = random.Next(0, 4); i > 0 && poolKeys.Count > 0; i--)
                {
                    string key = poolKeys[random.Next(poolKeys.Count)];
                    var verdict = Act(store, s => PoolActions.Claim(s, rules, key, rep.Key, rep.Key, day));
                    Tally(verdict, PoolEventKind.Claimed);
                    if (verdict.Allowed)
                    {
                        poolKeys.Remove(key);
                        Assert.True(Owned(store, rep.Key) <= Caps[rep.Level], $"{rep.Key} over its cap after claiming {key}");
                    }
                }
            }
            if (day.DayOfWeek == DayOfWeek.Wednesday && poolKeys.Count > 0)
            {
                string key = poolKeys[random.Next(poolKeys.Count)];
                var rep = reps[random.Next(reps.Count)];
                var verdict = Act(store, s => PoolActions.Assign(s, rules, key, rep.Key, "boss", day));
                Tally(verdict, PoolEventKind.Assigned);
                if (verdict.Allowed) Assert.True(Owned(store, rep.Key) <= Caps[rep.Level]);
            }
            if (day.Day % 10 == 0)
            {
                var owned = store.FindCustomers(new CustomerQuery { Owner = reps[random.Next(reps.Count)].Key, Limit = 1000 }).Where(c => c.Status == CustomerStatus.Active).ToList();
                if (owned.Count > 0)
                    Tally(Act(store, s => PoolActions.Release(s, rules, owned[random.Next(owned.Count)].Key, "sim", "not a fit", day)), PoolEventKind.Released);
            }

            CheckDay(t, day, inactiveRep, keyAccounts, locked);
        }

        CheckYear(t, tally);
        Assert.True(tally.GetValueOrDefault(PoolEventKind.Reclaimed) > 50 && tally.GetValueOrDefault(PoolEventKind.Warned) > tally[PoolEventKind.Reclaimed] / 2);
        Assert.True(tally.GetValueOrDefault(PoolEventKind.Claimed) > 100 && refusals.GetValueOrDefault(ClaimRefusal.DailyLimit) > 0);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"365 days, {reruns} same-day re-runs, {interactions} interactions logged, {orders} orders imported; events: "
            + string.Join(", ", tally.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) + "; refusals: "
            + string.Join(", ", refusals.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));

        void Tally(ClaimVerdict verdict, PoolEventKind kind)
        {
            if (verdict.Allowed) Count(tally, kind);
            else refusals[verdict.Refusal!.Value] = refusals.GetValueOrDefault(verdict.Refusal!.Value) + 1;
        }
    }

    private static void Count(Dictionary<PoolEventKind, int> tally, PoolEventKind kind) => tally[kind] = tally.GetValueOrDefault(kind) + 1;

    private static JobResult Daily(IStore store, MaintenanceRules rules, DateOnly day)
    {
        using var s = store.BeginMaintenance();
        var result = DailyJob.Run(s, rules, new JobOptions("daily", day, "daily", JobSteps.All, 4));
        s.Commit();
        return result;
    }

    private static ClaimVerdict Act(IStore store, Func<IMaintenanceSession, ClaimVerdict> action)
    {
        using var s = store.BeginMaintenance();
        var verdict = action(s);
        if (verdict.Allowed) s.Commit();
        return verdict;
    }

    private static List<string> PoolKeys(IStore store)
    {
        using var s = store.BeginMaintenance(write: false);
        return [.. s.ReadBook(CustomerStatus.Pool).Select(c => c.Key)];
    }

    private static int Owned(IStore store, string rep)
    {
        using var s = store.BeginMaintenance(write: false);
        return s.CountOwned(rep);
    }

    /// <summary>Every rule, checked on the store's own records for the day.</summary>
    private static void CheckDay(TestStore t, DateOnly day, string? inactiveRep, HashSet<string> keyAccounts, HashSet<string> locked)
    {
        using var c = t.Connect();
        string d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Nobody without an owner outside the pool, nobody in the pool with one.
        Assert.Equal(0, Long(c, "SELECT COUNT(*) FROM customers WHERE (status = 'active' AND owner_rep IS NULL) OR (status = 'pool' AND owner_rep IS NOT NULL)"));
        // Claim limits per rep and day, and per month.
        Assert.Equal(0, Long(c, $"SELECT COUNT(*) FROM (SELECT rep_key FROM pool_events WHERE kind = 'claimed' AND event_day = '{d}' GROUP BY rep_key HAVING COUNT(*) > {PerDay}) x"));
        Assert.Equal(0, Long(c, $"SELECT COUNT(*) FROM (SELECT rep_key FROM pool_events WHERE kind = 'claimed' AND substr(event_day, 1, 7) = '{d[..7]}' GROUP BY rep_key HAVING COUNT(*) > {PerMonth}) x"));
        // No claim back within the cool-down (days counted here, not in the store's SQL, which differs per engine).
        foreach (var lost in Days(c, $"""
            SELECT l.event_day FROM pool_events c JOIN pool_events l ON l.customer_key = c.customer_key AND l.rep_key = c.rep_key
            WHERE c.kind = 'claimed' AND c.event_day = '{d}' AND l.kind IN ('reclaimed', 'released') AND l.id < c.id
            """))
            Assert.True(day.DayNumber - lost.DayNumber >= Cooldown, $"claimed back on {d}, lost on {lost:yyyy-MM-dd}");
        // Every reclaim by the rules was warned to that owner at least the warning days before, after it took the customer.
        var reclaimed = new List<(string Customer, string Rep, string Reason, long Id)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT customer_key, rep_key, reason, id FROM pool_events WHERE kind = 'reclaimed' AND event_day = '{d}'";
            using var r = cmd.ExecuteReader();
            while (r.Read()) reclaimed.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
        }
        foreach (var (customer, rep, reason, id) in reclaimed)
        {
            Assert.DoesNotContain(customer, keyAccounts);
            Assert.DoesNotContain(customer, locked);
            if (reason.Contains("not an active rep", StringComparison.Ordinal))
            {
                Assert.Equal(inactiveRep, rep);
                continue;
            }
            string taken = $"COALESCE((SELECT MAX(id) FROM pool_events WHERE customer_key = '{customer}' AND kind IN ('claimed', 'assigned') AND id < {id}), 0)";
            Assert.True(Days(c, $"""
                SELECT event_day FROM pool_events WHERE customer_key = '{customer}' AND rep_key = '{rep}' AND kind = 'warned'
                  AND id > {taken} AND id < {id}
                """).Any(warned => day.DayNumber - warned.DayNumber >= Warn),
                $"{customer} reclaimed from {rep} on {d} without a warning {Warn} days ahead: " + History(c, customer));
        }
        // The plan: only owned, active customers, each task for its owner.
        Assert.Equal(0, Long(c, """
            SELECT COUNT(*) FROM followup_tasks t LEFT JOIN customers c ON c.key = t.customer_key
            WHERE c.key IS NULL OR c.status <> 'active' OR c.owner_rep IS DISTINCT FROM t.rep_key
            """));
    }

    /// <summary>The year's events against the owner history and the tallies kept while acting.</summary>
    private static void CheckYear(TestStore t, Dictionary<PoolEventKind, int> tally)
    {
        using var c = t.Connect();
        foreach (var kind in Enum.GetValues<PoolEventKind>())
            Assert.Equal(tally.GetValueOrDefault(kind), Long(c, $"SELECT COUNT(*) FROM pool_events WHERE kind = '{kind.ToString().ToLowerInvariant()}'"));
        Assert.Equal(
            Long(c, "SELECT COUNT(*) FROM pool_events WHERE kind IN ('reclaimed', 'released', 'claimed', 'assigned') OR (kind = 'pooled' AND rep_key IS NOT NULL)"),
            Long(c, "SELECT COUNT(*) FROM assignment_history WHERE reason LIKE 'pool %'"));
        // Replaying each customer's history gives its owner today.
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT c.key, c.owner_rep, (SELECT h.to_rep FROM assignment_history h WHERE h.customer_key = c.key ORDER BY h.id DESC LIMIT 1)
            FROM customers c WHERE EXISTS (SELECT 1 FROM assignment_history h WHERE h.customer_key = c.key)
            """;
        using var r = cmd.ExecuteReader();
        int replayed = 0;
        while (r.Read())
        {
            Assert.Equal(r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(1) ? null : r.GetString(1));
            replayed++;
        }
        Assert.True(replayed > 100);
    }

    private static void LoadGeneratedBook(IStore store, string folder, ManualClock clock)
    {
        string data = Path.Combine(folder, "data");
        DataGenerator.Generate(new GenerationOptions { Customers = 600, Reps = 12, Orders = 12_000, Seed = 11, End = new DateOnly(2025, 12, 31), Years = 2 }, data);
        using (var rejects = new RejectWriter(Path.Combine(folder, "rejects.csv")))
        using (var session = store.BeginImport("setup"))
        {
            var importer = new Importer(session, rejects, clock);
            foreach (var (kind, file) in new[] { (EntityKind.Reps, "reps.csv"), (EntityKind.Customers, "customers.csv"), (EntityKind.Orders, "orders.csv"),
                (EntityKind.Invoices, "invoices.csv"), (EntityKind.Payments, "payments.csv"), (EntityKind.Interactions, "interactions.csv") })
                Assert.Equal(0, importer.Import(kind, Path.Combine(data, file), new ImportOptions()).Rejected);
            session.Commit();
        }
        var table = IndicatorCalculator.Compute(new IndicatorInput
        {
            Customers = store.ReadCustomers(), Orders = store.ReadOrders(), Invoices = store.ReadInvoices(), Payments = store.ReadPayments(),
            Interactions = store.ReadInteractions(), Feedback = store.ReadFeedback(),
        }, new DateOnly(2025, 12, 31));
        var scheme = SchemeParser.Parse(BuiltInSchemes.Default, "default");
        var outcome = SchemeRunner.Run(table, scheme);
        store.SaveClassificationRun("setup", table.AsOf, BuiltInSchemes.Default, outcome, table.Number("amount").ToArray(),
            outcome.Results.First(x => x.Name == scheme.TierFrom).Classes);
    }

    private static void Lock(IStore store, HashSet<string> keys)
    {
        using var s = store.BeginImport("setup");
        s.BeginFile(EntityKind.Customers, "locks.csv", Builders.Columns("tags"), false);
        long line = 1;
        foreach (string key in keys) s.Write(new Customer { Key = key, Tags = ["locked"] }, ++line);
        s.EndFile(keys.Count, 0, keys.Count, 0);
        s.Commit();
    }

    private static string Deactivate(IStore store, string rep)
    {
        using var s = store.BeginImport("hr");
        s.BeginFile(EntityKind.Reps, "leavers.csv", Builders.Columns("active"), false);
        s.Write(new Rep { Key = rep, Active = false }, 2);
        s.EndFile(1, 0, 1, 0);
        s.Commit();
        return rep;
    }

    private static int ImportOrders(IStore store, DateOnly day, Random random)
    {
        var customers = store.ReadCustomers().Where(c => c.Status != CustomerStatus.Lost).ToList();
        using var s = store.BeginImport("erp");
        s.BeginFile(EntityKind.Orders, $"orders-{day:yyyyMMdd}.csv", Builders.Columns(), false);
        int n = 0;
        foreach (var c in customers)
        {
            if (random.NextDouble() >= 0.04) continue;
            n++;
            s.Write(new Order { Key = $"SIM-{day:yyyyMMdd}-{n}", CustomerKey = c.Key, Date = day, Amount = 100 + random.Next(900) }, n + 1);
        }
        s.EndFile(n, n, 0, 0);
        s.Commit();
        return n;
    }

    private static string History(DbConnection c, string customer)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT event_day, kind, rep_key, due_date, reason FROM pool_events WHERE customer_key = '{customer}' ORDER BY id";
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read()) lines.Add($"{r.GetString(0)} {r.GetString(1)} {(r.IsDBNull(2) ? "-" : r.GetString(2))} {(r.IsDBNull(3) ? "" : r.GetString(3))} {r.GetString(4)}");
        return string.Join(" | ", lines);
    }

    private static List<DateOnly> Days(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var days = new List<DateOnly>();
        while (r.Read()) days.Add(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return days;
    }

    private static long Long(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
