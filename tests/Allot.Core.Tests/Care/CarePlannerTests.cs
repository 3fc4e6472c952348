using Allot.Core.Care;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Care;

public sealed class CarePlannerTests
{
    private static List<FollowUpTask> Plan(BookCustomer c, string today, int weeks = 4, MaintenanceRules? rules = null)
    {
        var tasks = new List<FollowUpTask>();
        CarePlanner.Plan(c, (rules ?? DefaultRulesParsed()).Care, D(today), DailyJob.Horizon(D(today), weeks), tasks);
        return tasks;
    }

    [Fact]
    public void Plan_Birthday_DueLeadDaysBeforeWithBothMessages()
    {
        var c = Owned("C1") with { Name = "王芳", Birthday = D("1980-03-20") };
        var task = Assert.Single(Plan(c, "2026-03-01"));
        Assert.Equal((FollowUpKind.Birthday, D("2026-03-17"), D("2026-03-20")), (task.Kind, task.Due, task.EventDate));
        Assert.Equal("王芳，生日快乐！感谢您一直以来的信任与支持，祝您身体健康、万事如意。", task.MessageZh);
        Assert.StartsWith("Happy birthday, 王芳!", task.MessageEn);
        Assert.Empty(Plan(c, "2026-03-21"));
    }

    [Fact]
    public void Plan_LeapDayBirthday_On28FebruaryInOtherYears()
    {
        var task = Assert.Single(Plan(Owned("C1") with { Birthday = D("1992-02-29") }, "2027-02-10"));
        Assert.Equal(D("2027-02-28"), task.EventDate);
    }

    [Fact]
    public void Plan_Anniversary_CountsYearsOverNewYear()
    {
        var c = Owned("C1") with { Name = "Acme", FirstOrder = D("2023-01-02") };
        var task = Assert.Single(Plan(c, "2025-12-20"));
        Assert.Equal((FollowUpKind.Anniversary, D("2026-01-02")), (task.Kind, task.EventDate));
        Assert.Equal("Acme，今天是我们合作3周年的日子，感谢您的信任与支持，期待继续携手前行！", task.MessageZh);
        Assert.StartsWith("Acme, it is 3 year(s) today", task.MessageEn);
    }

    [Fact]
    public void Plan_Holidays_ForListedTiersAndKeyAccountsOnly()
    {
        var a = Owned("C1", tier: "A") with { Name = "李" };
        var tasks = Plan(a, "2026-09-01");
        Assert.Equal([D("2026-09-25"), D("2026-10-01")], tasks.Select(t => t.EventDate!.Value)); // 中秋 and 国庆 (due 3 days before)
        var mid = tasks[0];
        Assert.Equal((FollowUpKind.Holiday, D("2026-09-25"), D("2026-09-22")), (mid.Kind, mid.EventDate, mid.Due));
        Assert.Equal("李，中秋节快乐！感谢您一直以来的支持，祝您阖家幸福、万事顺意。", mid.MessageZh);
        Assert.Equal("Happy Mid-Autumn Festival, 李! Thank you for your support; best wishes to you and your family.", mid.MessageEn);
        Assert.Empty(Plan(a with { Tier = "B" }, "2026-09-01"));
        Assert.Equal(2, Plan(a with { Tier = "B", KeyAccount = true }, "2026-09-01").Count);
    }

    [Fact]
    public void Plan_OwnTemplate_PlaceholdersFilled()
    {
        var rules = Rules("""{ "care": { "messages": { "birthday": { "zh": "{name}：{date} 生日", "en": "{unknown} {name}" } } } }""");
        var task = Assert.Single(Plan(Owned("C1") with { Name = "赵", Birthday = D("1990-05-03") }, "2026-05-01", rules: rules));
        Assert.Equal(("赵：2026-05-03 生日", "{unknown} 赵"), (task.MessageZh, task.MessageEn));
    }
}
