using System.Text.Json;
using System.Text.Json.Serialization;
using Allot.Core.Classification.Schemes;

namespace Allot.Core.Tests.Classification.Schemes;

public sealed class SchemeRunnerTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory]
    [InlineData("default")]
    [InlineData("retail")]
    [InlineData("b2b")]
    [InlineData("bank_like")]
    public void Run_BundledScheme_ParsesAndClassifiesEveryCustomer(string name)
    {
        var scheme = SchemeParser.Parse(BuiltInSchemes.All.Single(s => s.Name == name).Json, name + ".json");
        var table = SchemeTables.Standard();
        var outcome = SchemeRunner.Run(table, scheme);
        Assert.Equal(scheme.Classifiers.Count, outcome.Results.Count);
        Assert.Equal(table.CustomerKeys, outcome.Customers.Select(c => c.CustomerKey));
        var tierResult = outcome.Results.Single(r => r.Name == scheme.TierFrom);
        Assert.All(outcome.Customers, c => Assert.Contains(c.Tier, tierResult.Classes));
        Assert.Equal(scheme.SegmentFrom is null, outcome.Customers[0].Segment is null);
        Assert.Equal(scheme.LifecycleFrom is null, outcome.Customers[0].LifecycleStage is null);
    }

    [Fact]
    public void Run_B2B_FillsTierSegmentLifecycleAndCreditTags()
    {
        var table = SchemeTables.Standard();
        var outcome = SchemeRunner.Run(table, SchemeParser.Parse(BuiltInSchemes.B2B, "b2b.json"));
        // c00: overdue 12,500 and key account; c01: neither; c03: key account only; c04: overdue only.
        Assert.Equal(["credit_risk", "key_account"], outcome.Customers[0].Tags);
        Assert.Empty(outcome.Customers[1].Tags);
        Assert.Equal(["key_account"], outcome.Customers[3].Tags);
        Assert.Equal(["credit_risk"], outcome.Customers[4].Tags);
        Assert.Contains(outcome.Customers[0].Tier, new[] { "高价值", "潜力", "普通", "低价值" });
        Assert.Equal(outcome.Results[1].Assignments[5].Class, outcome.Customers[5].Segment);
        // c00 has tenure 60 days ≤ 90: new, in Chinese.
        Assert.Equal("新客户", outcome.Customers[0].LifecycleStage);
        Assert.Equal(4, outcome.Customers[0].Assignments.Count);
        Assert.Equal("value", outcome.Results[0].Name);
        Assert.StartsWith("rule 1 'credit_risk': overdue_amount 12,500 > 10,000", outcome.Customers[0].Assignments[2].Reason);
    }

    [Fact]
    public void Run_FirstMatchRules_GiveNoTags()
    {
        var scheme = SchemeParser.Parse("""
            { "name": "t", "tier_from": "r", "classifiers": [
              { "name": "r", "kind": "rules", "default": "normal",
                "rules": [ { "then": "risk", "when": [ { "indicator": "overdue_amount", "op": ">", "value": 10000 } ] } ] } ] }
            """, "t.json");
        var outcome = SchemeRunner.Run(SchemeTables.Standard(8), scheme);
        Assert.Equal(["risk", "normal", "normal", "normal", "risk", "normal", "normal", "normal"], outcome.Customers.Select(c => c.Tier));
        Assert.All(outcome.Customers, c => Assert.Empty(c.Tags));
    }

    [Fact]
    public void Run_TableLacksIndicator_ThrowsNamingIt()
    {
        var scheme = SchemeParser.Parse(BuiltInSchemes.Retail, "retail.json");
        var table = Tables.Columns(("amount", [1.0, 2]));
        var e = Assert.Throws<ArgumentException>(() => SchemeRunner.Run(table, scheme));
        Assert.Contains("recency_days (classifier 'rfm')", e.Message);
    }

    [Fact]
    public void Run_Twice_SameSerialisedOutcome()
    {
        var scheme = SchemeParser.Parse("""
            { "name": "t", "tier_from": "k", "classifiers": [
              { "name": "k", "kind": "kmeans", "indicators": ["amount", "orders"], "max_k": 4, "seed": 11 },
              { "name": "s", "kind": "score", "indicators": [ { "indicator": "amount", "weight": 1 } ] } ] }
            """, "t.json");
        string first = JsonSerializer.Serialize(SchemeRunner.Run(SchemeTables.Standard(), scheme), Json);
        string second = JsonSerializer.Serialize(SchemeRunner.Run(SchemeTables.Standard(), scheme), Json);
        Assert.Equal(first, second);
        Assert.Contains("\"Tier\":\"cluster 1\"", first);
    }
}
