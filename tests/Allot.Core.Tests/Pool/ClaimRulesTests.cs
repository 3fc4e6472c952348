using Allot.Core.Customers;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Pool;

public sealed class ClaimRulesTests
{
    private static readonly MaintenanceRules Rules2 = Rules("""
        {
          "managers": ["boss"],
          "pools": [ { "name": "east", "regions": ["East"], "teams": ["T1"], "managers": ["lead"] }, { "name": "rest" } ],
          "defaults": { "claim": { "per_day": 2, "per_month": 3, "cooldown_days": 10, "cap_by_level": { "junior": 5, "senior": null } } }
        }
        """);

    private static ClaimVerdict Check(BookCustomer? c, Rep? rep, int owned = 0, int today = 0, int month = 0, string? lost = null,
        string? manager = null, string day = "2026-03-15")
    {
        var rules = c is null ? null : Rules2.For(c);
        return ClaimRules.Check(new ClaimFacts(c, c?.Key ?? "X", rules, rep, rep?.Key ?? "R?", owned, today, month,
            lost is null ? null : D(lost), manager, manager is not null && rules is not null && Rules2.IsManager(manager, rules.Pool), D(day)));
    }

    [Fact]
    public void Check_WithinLimits_Allowed()
    {
        var v = Check(InPool("C1"), Rep("R1", team: "T1"), owned: 4, today: 1, month: 2);
        Assert.True(v.Allowed);
        Assert.Equal("rep R1 claimed customer C1 from pool east", v.Message);
    }

    [Theory]
    [InlineData(2, 0, ClaimRefusal.DailyLimit, "rep R1 has claimed 2 customers today; the limit is 2 a day")]
    [InlineData(1, 3, ClaimRefusal.MonthlyLimit, "rep R1 has claimed 3 customers this month; the limit is 3 a month")]
    public void Check_ClaimLimits_Refused(int today, int month, ClaimRefusal why, string message)
    {
        var v = Check(InPool("C1"), Rep("R1", team: "T1"), today: today, month: month);
        Assert.Equal((why, message), (v.Refusal, v.Message));
    }

    [Fact]
    public void Check_OwnershipCapByLevel_RefusedForJuniorNotForSenior()
    {
        var junior = Check(InPool("C1"), Rep("R1", RepLevel.Junior, "T1"), owned: 5);
        Assert.Equal(ClaimRefusal.OwnershipCap, junior.Refusal);
        Assert.Equal("rep R1 owns 5 customers; the cap for junior reps is 5", junior.Message);
        Assert.True(Check(InPool("C1"), Rep("R1", RepLevel.Senior, "T1"), owned: 5000).Allowed);
    }

    [Fact]
    public void Check_CoolDown_RefusedUntilItEnds()
    {
        var v = Check(InPool("C1"), Rep("R1", team: "T1"), lost: "2026-03-10");
        Assert.Equal(ClaimRefusal.CoolDown, v.Refusal);
        Assert.Contains("may claim it again from 2026-03-20 (cool-down 10 days)", v.Message);
        Assert.True(Check(InPool("C1"), Rep("R1", team: "T1"), lost: "2026-03-10", day: "2026-03-20").Allowed);
    }

    [Fact]
    public void Check_NotInThePool_SaysWhoHasIt()
    {
        var other = Check(Owned("C1", rep: "R7", since: "2026-03-01"), Rep("R1", team: "T1"));
        Assert.Equal((ClaimRefusal.OwnedByAnother, "customer C1 is not in the pool: it belongs to R7 (since 2026-03-01)"), (other.Refusal, other.Message));
        Assert.Equal(ClaimRefusal.AlreadyYours, Check(Owned("C1", rep: "R1"), Rep("R1", team: "T1")).Refusal);
        Assert.Equal(ClaimRefusal.Lost, Check(InPool("C1") with { Status = CustomerStatus.Lost }, Rep("R1")).Refusal);
        Assert.Equal(ClaimRefusal.UnknownCustomer, Check(null, Rep("R1")).Refusal);
    }

    [Fact]
    public void Check_RepNotServedOrInactiveOrUnknown_Refused()
    {
        Assert.Equal(ClaimRefusal.NotServed, Check(InPool("C1"), Rep("R1", team: "T2")).Refusal);
        Assert.True(Check(InPool("C1", region: "North"), Rep("R1", team: "T2")).Allowed); // pool "rest" serves every rep
        Assert.Equal(ClaimRefusal.InactiveRep, Check(InPool("C1"), Rep("R1", team: "T1", active: false)).Refusal);
        Assert.Equal(ClaimRefusal.UnknownRep, Check(InPool("C1"), null).Refusal);
    }

    [Fact]
    public void Check_ManagerAssignment_IgnoresClaimLimitsAndCoolDownButNotTheCap()
    {
        var rep = Rep("R1", RepLevel.Junior, "T2");
        Assert.True(Check(InPool("C1"), rep, today: 9, month: 9, lost: "2026-03-14", manager: "lead").Allowed);
        Assert.True(Check(InPool("C1"), rep, manager: "boss").Allowed);
        Assert.Equal(ClaimRefusal.OwnershipCap, Check(InPool("C1"), rep, owned: 5, manager: "lead").Refusal);
        var notManager = Check(InPool("C1", region: "North"), rep, manager: "lead");
        Assert.Equal((ClaimRefusal.NotManager, "lead is not a manager of pool rest"), (notManager.Refusal, notManager.Message));
    }
}
