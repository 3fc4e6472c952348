using Allot.Core.Alerts;
using Allot.Core.FollowUps;
using Allot.Core.Pool;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Alerts;

public sealed class AlertRulesTests
{
    [Fact]
    public void Summarize_OpenAndOverdueAfterGraceDays()
    {
        var standing = ReceivableStandings.Summarize(
        [
            new InvoiceBalance("C1", "I1", D("2026-03-01"), 100m, 40m),
            new InvoiceBalance("C1", "I2", D("2026-03-09"), 50m, 0m),
            new InvoiceBalance("C1", "I3", D("2026-02-01"), 70m, 0m),
            new InvoiceBalance("C2", "I4", D("2026-01-01"), 10m, 15m),
        ], D("2026-03-10"), graceDays: 3);
        var c1 = standing["C1"];
        Assert.Equal((180m, 130m, 2, D("2026-02-01")), (c1.Open, c1.Overdue, c1.OverdueInvoices, c1.OldestOverdue));
        Assert.False(standing.ContainsKey("C2"));
    }

    [Fact]
    public void ForCustomer_EachKind()
    {
        var rules = Rules("""{ "defaults": { "credit_limit": 100 } }""");
        var c = Owned("C1", lastInteraction: "2026-01-01") with { Stage = "declining" };
        var alerts = new List<Alert>();
        AlertRules.ForCustomer(c, rules.For(c),
            [new FollowUpTask("C1", "n", "R1", FollowUpKind.Cadence, D("2026-02-15"), "every 45 days"),
             new FollowUpTask("C1", "n", "R1", FollowUpKind.Birthday, D("2026-01-20"), "birthday")],
            new ReceivableStanding("C1", 150m, 60m, 1, D("2026-02-01")),
            new ChurnSignal(D("2026-02-01"), "lifecycle stage declining"),
            new PoolWarning("R1", D("2026-02-25"), D("2026-03-04")), D("2026-03-01"), alerts);
        Assert.Equal([AlertKind.FollowUpOverdue, AlertKind.ReceivableOverdue, AlertKind.CreditLimit, AlertKind.ChurnWarning, AlertKind.ReclaimSoon],
            alerts.Select(a => a.Kind));
        Assert.Equal("follow-up overdue by 14 days: every 45 days", alerts[0].Message);
        Assert.Equal("owes 150.00, above its credit limit 100.00 (defaults)", alerts[2].Message);
        Assert.Equal(D("2026-03-04"), alerts[4].Date);
        Assert.All(alerts, a => Assert.Equal("R1", a.RepKey));
    }

    [Fact]
    public void ForCustomer_PoolCustomer_OnlyReceivablesForTheManagers()
    {
        var alerts = new List<Alert>();
        var c = InPool("C1");
        AlertRules.ForCustomer(c, Simple().For(c), [], new ReceivableStanding("C1", 50m, 50m, 1, D("2026-01-01")),
            new ChurnSignal(D("2026-02-01"), "x"), null, D("2026-03-01"), alerts);
        var alert = Assert.Single(alerts);
        Assert.Equal((AlertKind.ReceivableOverdue, null, "all"), (alert.Kind, alert.RepKey, alert.Pool));
    }
}
