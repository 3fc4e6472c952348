using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Maintenance;

public sealed class DailyJobTests
{
    private static JobResult Run(InMemoryBook book, MaintenanceRules rules, string day, JobSteps steps = JobSteps.All, bool dry = false) =>
        DailyJob.Run(book, rules, new JobOptions("daily", D(day), "daily", steps, 4, dry));

    private static InMemoryBook Book() => new InMemoryBook
    {
        Reps = { Rep("R1"), Rep("R2"), Rep("R9", active: false) },
    }.Add(
        Owned("C1", since: "2026-01-01", lastInteraction: "2026-01-10"),      // due 2026-02-09
        Owned("C2", since: "2026-01-01", lastInteraction: "2026-02-05"),      // due 2026-03-07
        Owned("C3", rep: "R9", since: "2026-01-01"),                          // owner inactive
        Owned("C4", since: "2020-01-01", keyAccount: true),                   // exempt
        Owned("C5") with { OwnerRepKey = null },                              // no owner, not in the pool
        InPool("C6"));

    [Fact]
    public void Run_DayByDay_WarnsThenReclaims_AndEveryCustomerHasAnOwnerOrIsInThePool()
    {
        var book = Book();
        var rules = Simple();
        var first = Run(book, rules, "2026-02-04");
        Assert.Equal([("C1", PoolEventKind.Warned), ("C3", PoolEventKind.Reclaimed), ("C5", PoolEventKind.Pooled)],
            first.Events.Select(e => (e.CustomerKey, e.Kind)).ToList());
        Assert.Equal(1, first.Exempt);
        for (var day = D("2026-02-05"); day <= D("2026-02-08"); day = day.AddDays(1))
            Assert.Empty(Run(book, rules, day.ToString("yyyy-MM-dd")).Events);
        var reclaim = Run(book, rules, "2026-02-09");
        Assert.Equal(("C1", PoolEventKind.Reclaimed), (reclaim.Events.Single().CustomerKey, reclaim.Events.Single().Kind));
        Assert.All(book.Customers.Values, c => Assert.True(c.Status == CustomerStatus.Pool ? c.OwnerRepKey is null : c.OwnerRepKey is not null));
    }

    [Fact]
    public void Run_SameDayTwice_SecondRunChangesNothing()
    {
        var book = Book();
        var first = Run(book, Simple(), "2026-02-04");
        var tasks = book.Tasks.ToList();
        var second = Run(book, Simple(), "2026-02-04");
        Assert.Empty(second.Events);
        Assert.Equal(tasks, book.Tasks);
        Assert.Equal(first.Events.Count, book.Events.Count);
        Assert.Equal(2, book.Runs[("daily", D("2026-02-04"))].Runs);
        Assert.Equal(1, second.Previous!.Runs);
    }

    [Fact]
    public void Run_DryRun_WritesNothing()
    {
        var book = Book();
        var result = Run(book, Simple(), "2026-02-04", dry: true);
        Assert.Equal(3, result.Events.Count);
        Assert.Empty(book.Events);
        Assert.Empty(book.Tasks);
        Assert.Empty(book.Runs);
    }

    [Fact]
    public void Run_PlanAndAlerts_SeeTheDaysDecisions()
    {
        var book = Book();
        book.Invoices.Add(new InvoiceBalance("C2", "I1", D("2026-01-15"), 500m, 100m));
        book.Invoices.Add(new InvoiceBalance("C6", "I2", D("2026-01-20"), 80m, 0m));
        var rules = Simple();
        var result = Run(book, rules, "2026-02-04");
        // C3 (reclaimed) and C5, C6 (pool) get no tasks; C1 is due a follow-up (20-day cadence) and was warned.
        Assert.Equal(["C1", "C2", "C4"], result.Tasks.Select(t => t.CustomerKey).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(result.Tasks, book.Tasks);
        var alerts = result.Alerts.Select(a => (a.Kind, a.CustomerKey, a.RepKey)).ToList();
        Assert.Contains((AlertKind.ReclaimSoon, "C1", (string?)"R1"), alerts);
        Assert.Contains((AlertKind.FollowUpOverdue, "C1", (string?)"R1"), alerts);
        Assert.Contains((AlertKind.ReceivableOverdue, "C2", (string?)"R1"), alerts);
        Assert.Contains((AlertKind.ReceivableOverdue, "C6", (string?)null), alerts);
        Assert.Equal(400m, result.Alerts.Single(a => a.CustomerKey == "C2").Amount);
        var digest = Digest.Build(D("2026-02-04"), result.Alerts, rules);
        Assert.Equal(["R1"], digest.Reps.Select(r => r.Recipient));
        Assert.Equal(["boss", "lead"], digest.Managers.Select(m => m.Recipient));
        Assert.Equal(result.Alerts.Count, digest.Managers[0].Total);
        Assert.Equal("C6", digest.Managers[0].Alerts[0].CustomerKey); // pool customers first: nobody else is told
        Assert.Contains("\"followup_overdue\":", digest.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_LimitsCountedThroughTheBook()
    {
        var book = new InMemoryBook { Reps = { Rep("R1"), Rep("R2") } }.Add(InPool("P1"), InPool("P2"), InPool("P3"), InPool("P4"), Owned("O1", rep: "R2"));
        var rules = Simple(perDay: 2, cap: 3);
        Assert.True(PoolActions.Claim(book, rules, "P1", "R1", "R1", D("2026-03-02")).Allowed);
        Assert.True(PoolActions.Claim(book, rules, "P2", "R1", "R1", D("2026-03-02")).Allowed);
        var third = PoolActions.Claim(book, rules, "P3", "R1", "R1", D("2026-03-02"));
        Assert.Equal(ClaimRefusal.DailyLimit, third.Refusal);
        Assert.Equal(ClaimRefusal.OwnedByAnother, PoolActions.Claim(book, rules, "P1", "R2", "R2", D("2026-03-02")).Refusal);
        Assert.Equal(ClaimRefusal.NotManager, PoolActions.Assign(book, rules, "P3", "R1", "someone", D("2026-03-02")).Refusal);
        Assert.True(PoolActions.Assign(book, rules, "P3", "R1", "lead", D("2026-03-02")).Allowed);
        Assert.Equal(ClaimRefusal.OwnershipCap, PoolActions.Assign(book, rules, "P4", "R1", "lead", D("2026-03-02")).Refusal);
        Assert.Equal(ClaimRefusal.OwnedByAnother, PoolActions.Assign(book, rules, "O1", "R1", "lead", D("2026-03-02")).Refusal);
        Assert.True(PoolActions.Release(book, rules, "P1", "R1", "not my region", D("2026-03-03")).Allowed);
        Assert.Equal(ClaimRefusal.CoolDown, PoolActions.Claim(book, rules, "P1", "R1", "R1", D("2026-03-04")).Refusal);
        Assert.Equal(ClaimRefusal.InPool, PoolActions.Release(book, rules, "P1", "R1", "again", D("2026-03-04")).Refusal);
        Assert.Equal([PoolEventKind.Claimed, PoolEventKind.Claimed, PoolEventKind.Assigned, PoolEventKind.Released], book.Events.Select(e => e.Kind));
    }
}
