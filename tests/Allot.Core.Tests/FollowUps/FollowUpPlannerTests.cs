using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.FollowUps;

public sealed class FollowUpPlannerTests
{
    private static List<FollowUpTask> Plan(BookCustomer c, MaintenanceRules rules, string today, int weeks = 4, ChurnSignal? churn = null)
    {
        var tasks = new List<FollowUpTask>();
        FollowUpPlanner.Plan(c, rules.For(c), rules.FollowUps, churn, D(today), DailyJob.Horizon(D(today), weeks), tasks);
        return tasks;
    }

    [Fact]
    public void Plan_CadenceFromTheLastInteraction_RepeatsToTheHorizon()
    {
        var rules = Rules("""{ "tiers": { "A": { "followup_days": 10 } } }""");
        var tasks = Plan(Owned("C1", tier: "A", lastInteraction: "2026-03-05"), rules, "2026-03-10", weeks: 4);
        Assert.Equal([D("2026-03-15"), D("2026-03-25"), D("2026-04-04")], tasks.Select(t => t.Due));
        Assert.All(tasks, t => Assert.Equal((FollowUpKind.Cadence, "R1"), (t.Kind, t.RepKey)));
        Assert.Equal("every 10 days (tier A); last follow-up 2026-03-05", tasks[0].Reason);
    }

    [Fact]
    public void Plan_AnInteractionResetsTheClock()
    {
        var rules = Rules("""{ "defaults": { "followup_days": 30 } }""");
        var before = Plan(Owned("C1", lastInteraction: "2026-01-01"), rules, "2026-03-01");
        var after = Plan(Owned("C1", lastInteraction: "2026-03-01"), rules, "2026-03-01", weeks: 5);
        Assert.Equal(D("2026-01-31"), before[0].Due);
        Assert.True(before[0].IsOverdue(D("2026-03-01")));
        Assert.Equal(D("2026-03-31"), Assert.Single(after).Due);
    }

    [Fact]
    public void Plan_OverdueFollowUp_NextRoundCountsFromToday()
    {
        var rules = Rules("""{ "defaults": { "followup_days": 7 } }""");
        var tasks = Plan(Owned("C1", lastInteraction: "2026-01-01"), rules, "2026-03-01", weeks: 2);
        Assert.Equal([D("2026-01-08"), D("2026-03-08")], tasks.Select(t => t.Due));
    }

    [Fact]
    public void Plan_NewCustomer_WithinDaysOfTheFirstOrder()
    {
        var c = Owned("C1", lastInteraction: "2026-02-01") with { FirstOrder = D("2026-03-02") };
        var task = Plan(c, DefaultRulesParsed(), "2026-03-03")[0];
        Assert.Equal((FollowUpKind.NewCustomer, D("2026-03-09")), (task.Kind, task.Due));
        Assert.Contains("new customer: first order 2026-03-02", task.Reason);
        // Followed up since the first order, or a first order older than the window: the cadence rules.
        Assert.Equal(FollowUpKind.Cadence, Plan(c with { LastInteraction = D("2026-03-03") }, DefaultRulesParsed(), "2026-03-03", weeks: 8)[0].Kind);
        Assert.Equal(FollowUpKind.Cadence, Plan(c with { FirstOrder = D("2025-03-02") }, DefaultRulesParsed(), "2026-03-03", weeks: 8)[0].Kind);
    }

    [Fact]
    public void Plan_ChurnWarning_WithinDaysOfTheWarning()
    {
        var c = Owned("C1", lastInteraction: "2026-02-20") with { Stage = "declining" };
        var rules = DefaultRulesParsed();
        var churn = ChurnSignals.Of(c, rules.FollowUps, D("2026-03-01"), null, null);
        Assert.Equal("lifecycle stage declining", churn!.Why);
        var task = Plan(c, rules, "2026-03-05", churn: churn)[0];
        Assert.Equal((FollowUpKind.Churn, D("2026-03-15")), (task.Kind, task.Due));
        Assert.Null(ChurnSignals.Of(c with { Stage = "mature" }, rules.FollowUps, D("2026-03-01"), null, null));
        // The value-model hook: a low P(active) is a churn warning whatever the stage.
        Assert.NotNull(ChurnSignals.Of(c with { Stage = "mature" }, rules.FollowUps, D("2026-03-01"), 0.2, D("2026-03-02")));
        Assert.Null(ChurnSignals.Of(c with { Stage = "mature" }, rules.FollowUps, D("2026-03-01"), 0.8, D("2026-03-02")));
    }

    [Fact]
    public void Plan_PoolOrLostCustomer_NoTasks()
    {
        Assert.Empty(Plan(InPool("C1"), DefaultRulesParsed(), "2026-03-01"));
        Assert.Empty(Plan(Owned("C1") with { Status = Core.Customers.CustomerStatus.Lost }, DefaultRulesParsed(), "2026-03-01"));
    }

    [Fact]
    public void Workload_OverdueAndPerWeekFromMonday()
    {
        var tasks = new List<FollowUpTask>
        {
            new("C1", "n", "R1", FollowUpKind.Cadence, D("2026-03-01"), "r"),
            new("C2", "n", "R1", FollowUpKind.Cadence, D("2026-03-04"), "r"),
            new("C3", "n", "R1", FollowUpKind.Birthday, D("2026-03-10"), "r"),
            new("C4", "n", "R2", FollowUpKind.Churn, D("2026-03-09"), "r"),
            new("C5", "n", "R2", FollowUpKind.Cadence, D("2026-05-01"), "r"),
        };
        var loads = Workload.Of(tasks, D("2026-03-04"), 2); // a Wednesday
        Assert.Equal(["R1", "R2"], loads.Select(l => l.RepKey));
        Assert.Equal((1, D("2026-03-02"), 1, 0), (loads[0].Overdue, loads[0].Weeks[0].WeekStart, loads[0].Weeks[0].FollowUps, loads[0].Weeks[0].Care));
        Assert.Equal((0, 1), (loads[0].Weeks[1].FollowUps, loads[0].Weeks[1].Care));
        Assert.Equal((0, 1, 1), (loads[1].Overdue, loads[1].Weeks[1].FollowUps, loads[1].Total));
    }
}
