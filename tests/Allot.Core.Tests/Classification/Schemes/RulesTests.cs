using Allot.Core.Classification.Schemes;
using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification.Schemes;

public sealed class RulesTests
{
    // k00: big overdue key account; k01: small overdue key account; k02: overdue unknown, not key; k03: big overdue, not key.
    private static IndicatorTable Table() => IndicatorTable.Create(Tables.AsOf, ["k00", "k01", "k02", "k03"],
        new Dictionary<string, double[]>
        {
            ["overdue_amount"] = [12_500, 500, double.NaN, 20_000],
            ["key_account"] = [1, 1, 0, 0],
        },
        new Dictionary<string, string?[]> { ["region"] = ["north", "south", null, "east"] });

    private static readonly Rule Risk = new("credit_risk", [new RuleCondition("overdue_amount", RuleOperator.GreaterThan, 10_000)]);
    private static readonly Rule Key = new("key_account", [new RuleCondition("key_account", RuleOperator.Equal, 1)]);

    [Fact]
    public void Classify_FirstMatch_TakesFirstMatchingRuleElseDefault()
    {
        var result = Rules.Classify(Table(), new RuleSet(RuleMode.FirstMatch, [Risk, Key], "ok"));
        Assert.Equal(["credit_risk", "key_account", "ok", "credit_risk"], Tables.ClassesOf(result));
        Assert.Equal("rule 1 'credit_risk': overdue_amount 12,500 > 10,000", result.Assignments[0].Reason);
        Assert.Equal(1, result.Assignments[0].Numbers["matched_rules"]);
        Assert.Equal(["credit_risk", "key_account", "ok"], result.Classes);
    }

    [Fact]
    public void Classify_AllMatch_JoinsOutcomesInRuleOrder()
    {
        var result = Rules.Classify(Table(), new RuleSet(RuleMode.AllMatch, [Risk, Key]));
        Assert.Equal(["credit_risk;key_account", "key_account", RuleSet.NoMatch, "credit_risk"], Tables.ClassesOf(result));
        Assert.Equal("rule 1 'credit_risk': overdue_amount 12,500 > 10,000; rule 2 'key_account': key_account 1 == 1",
            result.Assignments[0].Reason);
        Assert.Equal(2, result.Assignments[0].Numbers["matched_rules"]);
    }

    [Theory]
    [InlineData(RuleOperator.GreaterThan)]
    [InlineData(RuleOperator.LessOrEqual)]
    [InlineData(RuleOperator.NotEqual)]
    public void Classify_NaN_NeverSatisfiesNumericComparison(RuleOperator op)
    {
        var rule = new Rule("hit", [new RuleCondition("overdue_amount", op, 0)]);
        var result = Rules.Classify(Table(), new RuleSet(RuleMode.FirstMatch, [rule], "miss"));
        Assert.Equal("miss", result.Assignments[2].Class);
        Assert.Contains("overdue_amount missing", result.Assignments[2].Reason);
    }

    [Fact]
    public void Classify_TextInAndAnd_AllConditionsMustHold()
    {
        var rule = new Rule("north_or_east_big", [
            new RuleCondition("region", RuleOperator.In, Texts: ["north", "east"]),
            new RuleCondition("overdue_amount", RuleOperator.GreaterOrEqual, 15_000)]);
        var result = Rules.Classify(Table(), new RuleSet(RuleMode.FirstMatch, [rule], "other"));
        Assert.Equal(["other", "other", "other", "north_or_east_big"], Tables.ClassesOf(result));
        Assert.Equal("rule 1 'north_or_east_big': region 'east' in [north, east] and overdue_amount 20,000 >= 15,000",
            result.Assignments[3].Reason);
    }

    [Fact]
    public void Classify_MissingTextWithNotEqual_DoesNotMatch()
    {
        var rule = new Rule("not_north", [new RuleCondition("region", RuleOperator.NotEqual, Texts: ["north"])]);
        var result = Rules.Classify(Table(), new RuleSet(RuleMode.FirstMatch, [rule], "other"));
        Assert.Equal(["other", "not_north", "other", "not_north"], Tables.ClassesOf(result));
    }

    [Fact]
    public void Classify_NumberConditionOnTextIndicator_Throws()
    {
        var rule = new Rule("x", [new RuleCondition("region", RuleOperator.GreaterThan, 1)]);
        var e = Assert.Throws<ArgumentException>(() => Rules.Classify(Table(), new RuleSet(RuleMode.FirstMatch, [rule])));
        Assert.Contains("region is text", e.Message);
    }
}
