using Allot.Core.Customers;
using Allot.Core.Pool;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Pool;

public sealed class ReclaimerTests
{
    // Simple(): reclaim after 30 days without follow-up, warn 5 days ahead.

    [Fact]
    public void Decide_QuietCustomer_WarnedWarnDaysBeforeThenReclaimedOnTheDueDate()
    {
        var rules = Simple();
        var c = Owned("C1", since: "2026-01-01", lastInteraction: "2026-01-10"); // due 2026-02-09
        Assert.Null(Decide(c, rules, "2026-02-03"));
        var warned = Decide(c, rules, "2026-02-04");
        Assert.Equal((PoolEventKind.Warned, "R1", D("2026-02-09")), (warned!.Kind, warned.RepKey, warned.Due));
        Assert.Contains("last follow-up 2026-01-10, limit 30 days without follow-up", warned.Reason);
        var standing = c with { Warning = new PoolWarning("R1", D("2026-02-04"), D("2026-02-09")) };
        Assert.Null(Decide(standing, rules, "2026-02-05"));
        Assert.Null(Decide(standing, rules, "2026-02-08"));
        var reclaimed = Decide(standing, rules, "2026-02-09");
        Assert.Equal((PoolEventKind.Reclaimed, "R1"), (reclaimed!.Kind, reclaimed.RepKey));
        Assert.Contains("warned on 2026-02-04", reclaimed.Reason);
    }

    [Fact]
    public void Decide_NeverWarnedAndOverdue_WarnedFirstAndGivenTheFullNotice()
    {
        var c = Owned("C1", since: "2025-01-01", lastInteraction: "2025-02-01"); // due 2025-03-03, long past
        var warned = Decide(c, Simple(), "2026-06-01");
        Assert.Equal((PoolEventKind.Warned, D("2026-06-06")), (warned!.Kind, warned.Due));
        var standing = c with { Warning = new PoolWarning("R1", D("2026-06-01"), D("2026-06-06")) };
        Assert.Null(Decide(standing, Simple(), "2026-06-05"));
        Assert.Equal(PoolEventKind.Reclaimed, Decide(standing, Simple(), "2026-06-06")!.Kind);
    }

    [Fact]
    public void Decide_FollowedUpAfterTheWarning_WarningLapsesAndClockRestarts()
    {
        var c = Owned("C1", since: "2026-01-01", lastInteraction: "2026-02-06") // due moved to 2026-03-08
            with { Warning = new PoolWarning("R1", D("2026-02-04"), D("2026-02-09")) };
        Assert.Null(Decide(c, Simple(), "2026-02-09"));
        Assert.Equal(D("2026-03-08"), Decide(c, Simple(), "2026-03-03")!.Due);
    }

    [Fact]
    public void Decide_WarningToThePreviousOwner_DoesNotCountForTheNewOne()
    {
        var c = Owned("C1", rep: "R2", since: "2026-02-01") with { Warning = new PoolWarning("R1", D("2026-01-20"), D("2026-01-25")) };
        // Taken over on 2026-02-01: due 2026-03-03, so not due on 2026-02-20 despite the old warning.
        Assert.Null(Decide(c, Simple(), "2026-02-20"));
        Assert.Equal(PoolEventKind.Warned, Decide(c, Simple(), "2026-02-26")!.Kind);
    }

    [Fact]
    public void Decide_OrderRule_EarlierDueCounts()
    {
        var rules = Rules("""{ "defaults": { "reclaim": { "no_interaction_days": 100, "no_order_days": 40, "warn_days": 0 } } }""");
        var c = Owned("C1", since: "2026-01-01", lastInteraction: "2026-03-01", lastOrder: "2026-01-15"); // order due 2026-02-24
        Assert.Null(Decide(c, rules, "2026-02-23"));
        var e = Decide(c, rules, "2026-02-24");
        Assert.Equal(PoolEventKind.Reclaimed, e!.Kind);
        Assert.Contains("last order 2026-01-15, limit 40 days without order", e.Reason);
    }

    [Fact]
    public void Decide_ExemptKeyAccountOrLockedTag_NeverWarnedOrReclaimed()
    {
        var quiet = Owned("C1", since: "2020-01-01", lastInteraction: "2020-01-02");
        Assert.Null(Decide(quiet with { KeyAccount = true }, Simple(), "2026-06-01"));
        Assert.Null(Decide(quiet with { Tags = ["vip", "locked"] }, Simple(), "2026-06-01"));
        Assert.NotNull(Decide(quiet with { Tags = ["vip"] }, Simple(), "2026-06-01"));
        var exemptTier = Rules("""{ "tiers": { "A": { "reclaim": { "exempt": true } } } }""");
        Assert.Null(Decide(quiet with { Tier = "A" }, exemptTier, "2026-06-01"));
        Assert.Equal("exempt by the rules", Reclaimer.ExemptReason(quiet with { Tier = "A" }, exemptTier.For(quiet with { Tier = "A" }).Reclaim));
    }

    [Fact]
    public void Decide_InactiveOwner_ReclaimedAtOnce()
    {
        var e = Decide(Owned("C1", since: "2026-05-30"), Simple(), "2026-06-01", ownerActive: false);
        Assert.Equal((PoolEventKind.Reclaimed, "R1"), (e!.Kind, e.RepKey));
        Assert.Contains("not an active rep", e.Reason);
    }

    [Fact]
    public void Decide_NoOwnerOutsideThePool_Pooled()
    {
        var e = Decide(Owned("C1") with { OwnerRepKey = null }, Simple(), "2026-06-01");
        Assert.Equal((PoolEventKind.Pooled, null, "all"), (e!.Kind, e.RepKey, e.Pool));
        Assert.False(e.MovesOwner);
        var stray = Decide(InPool("C2") with { OwnerRepKey = "R9" }, Simple(), "2026-06-01");
        Assert.Equal((PoolEventKind.Pooled, "R9"), (stray!.Kind, stray.RepKey));
        Assert.True(stray.MovesOwner);
        Assert.Null(Decide(InPool("C3"), Simple(), "2026-06-01"));
        Assert.Null(Decide(InPool("C4") with { Status = CustomerStatus.Lost }, Simple(), "2026-06-01"));
    }

    [Fact]
    public void Decide_NoWarnDays_ReclaimedOnTheDueDateWithoutWarning()
    {
        var c = Owned("C1", since: "2026-01-01");
        Assert.Null(Decide(c, Simple(warn: 0), "2026-01-30"));
        Assert.Equal(PoolEventKind.Reclaimed, Decide(c, Simple(warn: 0), "2026-01-31")!.Kind);
    }

    [Fact]
    public void Decide_NothingKnownToStartFrom_NotDue()
    {
        var c = Owned("C1") with { OwnerSince = null, CreatedDate = null };
        Assert.Null(Decide(c, Simple(), "2030-01-01"));
        Assert.NotNull(Decide(c with { CreatedDate = D("2026-01-01") }, Simple(), "2030-01-01"));
    }

    [Fact]
    public void StandingWarning_UntilActivityOrOwnerChange()
    {
        var rules = Simple();
        var c = Owned("C1", since: "2026-01-01", lastInteraction: "2026-01-10") with { Warning = new PoolWarning("R1", D("2026-02-07"), D("2026-02-12")) };
        Assert.Equal(D("2026-02-12"), Reclaimer.StandingWarning(c, rules.For(c))!.Due);
        Assert.Null(Reclaimer.StandingWarning(c with { LastInteraction = D("2026-02-08") }, rules.For(c)));
        Assert.Null(Reclaimer.StandingWarning(c with { OwnerRepKey = "R2", OwnerSince = D("2026-02-08") }, rules.For(c)));
    }
}
