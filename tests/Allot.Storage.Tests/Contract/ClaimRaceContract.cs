using System.Collections.Concurrent;
using Allot.Core.Customers;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>Many reps claim the same pool customers at once, each thread through a store of its own (its own
/// connections, as separate processes would have): the limits hold, each customer gets one owner, every loser is
/// told why, and the events and the owner history record exactly the wins.</summary>
public abstract class ClaimRaceContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private const int Reps = 12, PoolCustomers = 80, PerDay = 5, Cap = 8, PreOwned = 5;

    [Fact]
    public void Claim_ConcurrentReps_EachCustomerOneOwner_NoLimitExceeded_EveryLoserTold()
    {
        var t = T;
        var reps = Enumerable.Range(1, Reps).Select(i => Rep($"R{i:00}")).ToList();
        // The first four reps own five customers already: the cap (8) stops them after three claims.
        var owned = Enumerable.Range(1, 4).SelectMany(r => Enumerable.Range(1, PreOwned).Select(i => Customer($"O{r}-{i}", owner: $"R{r:00}")));
        var pool = Enumerable.Range(1, PoolCustomers).Select(i => Customer($"P{i:000}") with { Status = CustomerStatus.Pool }).ToList();
        Load(t.Store, reps, [.. owned, .. pool]);
        var rules = RulesParser.Parse($$"""
            { "defaults": { "claim": { "per_day": {{PerDay}}, "per_month": 100, "cooldown_days": 0, "cap_by_level": { "mid": {{Cap}} } } } }
            """, "race.json");
        var day = new DateOnly(2026, 3, 2);

        var answers = new ConcurrentBag<(string Rep, string Customer, ClaimVerdict Verdict)>();
        var failures = new ConcurrentBag<Exception>();
        using var start = new Barrier(Reps);
        var threads = reps.Select((rep, n) => new Thread(() =>
        {
            try
            {
                using var store = t.OpenAnother(TimeProvider.System);
                var order = pool.Select(c => c.Key).OrderBy(_ => Random.Shared.Next()).ToList();
                start.SignalAndWait();
                foreach (string key in order)
                {
                    using var session = store.BeginMaintenance();
                    var verdict = PoolActions.Claim(session, rules, key, rep.Key, rep.Key, day);
                    if (verdict.Allowed) session.Commit();
                    answers.Add((rep.Key, key, verdict));
                }
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        Assert.Empty(failures);
        Assert.Equal(Reps * PoolCustomers, answers.Count); // every claim got an answer
        var won = answers.Where(a => a.Verdict.Allowed).ToList();
        // Each rep: five claims a day, and no more than the cap owned; the first four stop at the cap.
        foreach (var rep in reps)
        {
            int wins = won.Count(w => w.Rep == rep.Key);
            Assert.Equal(int.Parse(rep.Key[1..], System.Globalization.CultureInfo.InvariantCulture) <= 4 ? Cap - PreOwned : PerDay, wins);
        }
        // Each customer: at most one winner, and the store agrees with the winners.
        Assert.Equal(won.Count, won.Select(w => w.Customer).Distinct().Count());
        foreach (var c in pool)
        {
            var stored = t.Store.GetCustomer(c.Key)!;
            var winner = won.SingleOrDefault(w => w.Customer == c.Key);
            Assert.Equal(winner.Rep, stored.OwnerRepKey);
            Assert.Equal(winner.Rep is null ? CustomerStatus.Pool : CustomerStatus.Active, stored.Status);
        }
        // Every loser was told why: the winner by name, or its own limit.
        foreach (var (rep, key, verdict) in answers.Where(a => !a.Verdict.Allowed))
        {
            Assert.Contains(verdict.Refusal!.Value, new[] { ClaimRefusal.OwnedByAnother, ClaimRefusal.AlreadyYours, ClaimRefusal.DailyLimit, ClaimRefusal.OwnershipCap });
            Assert.Contains(key, verdict.Refusal is ClaimRefusal.OwnedByAnother or ClaimRefusal.AlreadyYours ? verdict.Message : key);
            Assert.Contains(verdict.Refusal == ClaimRefusal.OwnedByAnother ? $"belongs to {won.Single(w => w.Customer == key).Rep}" : $"rep {rep} ",
                verdict.Message);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{answers.Count} claims by {Reps} threads: {won.Count} won; refused: "
            + string.Join(", ", answers.Where(a => !a.Verdict.Allowed).GroupBy(a => a.Verdict.Refusal).Select(g => $"{g.Key} {g.Count()}")));
        // The record: one claimed event and one history row per win, each naming the winner.
        using var connection = t.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT e.customer_key, e.rep_key, h.from_rep, h.to_rep FROM pool_events e
            LEFT JOIN assignment_history h ON h.customer_key = e.customer_key AND h.reason LIKE 'pool claimed%'
            WHERE e.kind = 'claimed' ORDER BY e.customer_key
            """;
        using var r = cmd.ExecuteReader();
        var recorded = new List<(string, string, string?, string?)>();
        while (r.Read()) recorded.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        Assert.Equal(won.OrderBy(w => w.Customer, StringComparer.Ordinal).Select(w => (w.Customer, w.Rep, (string?)null, (string?)w.Rep)), recorded);
        Assert.Equal(won.Count, t.Scalar("SELECT COUNT(*) FROM assignment_history WHERE reason LIKE 'pool %'"));
    }
}
