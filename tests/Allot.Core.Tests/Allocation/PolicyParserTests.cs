using Allot.Core.Allocation.Policies;
using Allot.Core.Reps;

namespace Allot.Core.Tests.Allocation;

public sealed class PolicyParserTests
{
    [Fact]
    public void Default_ParsesToTheDocumentedDefaults()
    {
        var parsed = PolicyParser.Parse(BuiltInPolicies.Default, "default.json");
        var d = new AllocationPolicy();
        Assert.Equal(d.Weights, parsed.Weights);
        Assert.Equal((d.Region, d.RegionPenalty, d.DefaultCapacity, d.BalanceWeight, d.Candidates, d.IncludePool, d.LockKeyAccounts),
            (parsed.Region, parsed.RegionPenalty, parsed.DefaultCapacity, parsed.BalanceWeight, parsed.Candidates, parsed.IncludePool, parsed.LockKeyAccounts));
        Assert.Equal(d.Seniority.Select(r => r.Tier), parsed.Seniority.Select(r => r.Tier));
        for (int i = 0; i < d.Seniority.Count; i++)
            Assert.Equal(d.Seniority[i].Fit.OrderBy(x => x.Key), parsed.Seniority[i].Fit.OrderBy(x => x.Key));
        Assert.Equal(d.LifecycleSkill.OrderBy(x => x.Key), parsed.LifecycleSkill.OrderBy(x => x.Key));
    }

    [Fact]
    public void Parse_ReadsEveryKey()
    {
        var p = PolicyParser.Parse("""
            { "name": "b2b", "weights": { "seniority": 50, "continuity": 0 }, "region": "soft", "region_penalty": 12,
              "seniority": { "高价值": { "senior": 1 }, "普通": { "junior": 1, "mid": 0.5 } },
              "lifecycle": { "new": "selling" }, "rep_performance": { "R1": 0.9 }, "capacity": { "default": 50 },
              "workload": { "A": 3 }, "balance": 0, "locked": ["C1"], "do_not_move": ["C2"], "lock_key_accounts": true,
              "include_pool": true, "candidates": 0 }
            """, "p.json");
        Assert.Equal(("b2b", 50.0, 0.0, 25.0), (p.Name, p.Weights.Seniority, p.Weights.Continuity, p.Weights.Expertise));
        Assert.Equal((RegionRule.Soft, 12.0, 50, 0.0, 0), (p.Region, p.RegionPenalty, p.DefaultCapacity, p.BalanceWeight, p.Candidates));
        Assert.Equal(["高价值", "普通"], p.Seniority.Select(r => r.Tier));
        Assert.Equal(RepSkill.Selling, p.LifecycleSkill["new"]);
        Assert.Equal(RepSkill.Product, p.LifecycleSkill["mature"]);
        Assert.Equal((0.9, 3), (p.RepPerformance["R1"], p.Workload["A"]));
        Assert.Equal(["C1"], p.Locked);
        Assert.Equal(["C2"], p.DoNotMove);
        Assert.True(p.LockKeyAccounts && p.IncludePool);
    }

    [Theory]
    [InlineData("{ \"wieghts\": {} }", 1, 3, "unknown key 'wieghts' (did you mean 'weights'?)")]
    [InlineData("{\n  \"weights\": { \"seniority\": -1 } }", 2, 29, "weights.seniority: expected a number >= 0")]
    [InlineData("{ \"weights\": { \"seniority\": 0, \"expertise\": 0, \"lifecycle\": 0, \"continuity\": 0, \"performance\": 0 } }", 1, 14, "at least one weight")]
    [InlineData("{ \"seniority\": { \"A\": { \"boss\": 1 } } }", 1, 25, "unknown rep level 'boss'")]
    [InlineData("{ \"seniority\": { \"A\": { \"senior\": 1.5 } } }", 1, 35, "from 0 to 1")]
    [InlineData("{ \"lifecycle\": { \"teen\": \"product\" } }", 1, 18, "unknown stage 'teen'")]
    [InlineData("{ \"lifecycle\": { \"new\": \"charm\" } }", 1, 25, "unknown skill 'charm'")]
    [InlineData("{ \"region\": \"strict\" }", 1, 13, "expected \"hard\"")]
    [InlineData("{ \"workload\": { \"A\": 0 } }", 1, 22, "workload.A: expected a whole number >= 1")]
    [InlineData("{ \"capacity\": { \"default\": 2.5 } }", 1, 28, "capacity.default: expected a whole number >= 0")]
    [InlineData("{ \"locked\": \"C1\" }", 1, 13, "locked: expected an array")]
    [InlineData("{ \"balance\": 1, }x", 1, 18, "invalid JSON")]
    [InlineData("", 1, 1, "invalid JSON")]
    public void Parse_BadPolicy_NamesLineColumnAndWhatWasExpected(string json, int line, int column, string message)
    {
        var e = Assert.Throws<PolicyException>(() => PolicyParser.Parse(json, "p.json"));
        Assert.Contains(message, e.Message);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.StartsWith($"p.json:{line}:{column}: ", e.Message);
    }
}

public sealed class FitModelTests
{
    private static readonly Rep Senior = new() { Key = "S", Level = RepLevel.Senior, Regions = ["East"], Industries = ["Retail"], RelationshipSkill = 80, ProductSkill = 40 };
    private static readonly Rep Junior = new() { Key = "J", Level = RepLevel.Junior, Regions = [], Industries = [], RelationshipSkill = 30 };

    [Fact]
    public void Fit_AddsTheWeightedComponents()
    {
        var model = new FitModel(new AllocationPolicy(), ["A", "B", "C"]);
        var c = new AllocationCustomer("C1", "East", "Retail", "A", "new", "S", false, false, 100);
        var fit = model.Fit(c, Senior);
        Assert.Equal(new FitBreakdown(35 * 1.0, 25 * 1.0, 15 * 0.8, 20, 5 * 0.5, 0), fit);
        Assert.Equal(35 + 25 + 12 + 20 + 2.5, fit.Total, 12);
        var j = model.Fit(c, Junior);
        Assert.Equal(new FitBreakdown(35 * 0.2, 25 * 0.5, 15 * 0.3, 0, 2.5, 0), j);
        Assert.Equal(-8150, FitModel.CostOf(81.5));
    }

    [Fact]
    public void SeniorityRow_UnknownTierNames_FallBackToTheirPosition()
    {
        var model = new FitModel(new AllocationPolicy(), ["高价值", "潜力", "普通", "低价值"]);
        Assert.Equal("A", model.SeniorityRowFor("高价值").Tier);
        Assert.Equal("C", model.SeniorityRowFor("普通").Tier);
        Assert.Equal("C", model.SeniorityRowFor("低价值").Tier);
        Assert.Equal("B", model.SeniorityRowFor("B").Tier);
    }

    [Fact]
    public void Eligible_HardRegion_OnlyRepsServingIt_SoftRegion_PenaltyInstead()
    {
        var west = new AllocationCustomer("C1", "West", null, "B", null, null, false, false, 0);
        var hard = new FitModel(new AllocationPolicy(), ["A", "B", "C"]);
        Assert.False(hard.Eligible(Senior, 10, west));
        Assert.True(hard.Eligible(Junior, 10, west)); // serves every region
        Assert.False(hard.Eligible(Junior with { Active = false }, 10, west));
        Assert.False(hard.Eligible(Junior, 0, west));
        var soft = new FitModel(new AllocationPolicy { Region = RegionRule.Soft }, ["A", "B", "C"]);
        Assert.True(soft.Eligible(Senior, 10, west));
        Assert.Equal(30, soft.Fit(west, Senior).RegionPenalty);
        Assert.Equal(0, soft.Fit(west, Junior).RegionPenalty);
    }
}
