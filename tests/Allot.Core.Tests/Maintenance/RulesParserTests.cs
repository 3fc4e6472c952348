using Allot.Core.Care;
using Allot.Core.Maintenance;
using Allot.Core.Reps;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Maintenance;

public sealed class RulesParserTests
{
    [Fact]
    public void Parse_DefaultText_GivesTheBuiltInDefaults()
    {
        var rules = DefaultRulesParsed();
        var unclassified = rules.For("anywhere", null, null, null);
        var empty = Rules("{}").For("anywhere", null, null, null);
        // The annotated file and the parser's own starting values agree.
        Assert.Equal(empty.Reclaim with { ExemptTags = [] }, unclassified.Reclaim with { ExemptTags = [] });
        Assert.Equal(empty.Reclaim.ExemptTags, unclassified.Reclaim.ExemptTags);
        Assert.Equal(empty.FollowUpDays, unclassified.FollowUpDays);
        Assert.Equal(empty.Claim.CapByLevel.OrderBy(p => p.Key), unclassified.Claim.CapByLevel.OrderBy(p => p.Key));
        Assert.Equal((60, 365, 7, 45), (unclassified.Reclaim.NoInteractionDays, unclassified.Reclaim.NoOrderDays, unclassified.Reclaim.WarnDays, unclassified.FollowUpDays));
        var a = rules.For("anywhere", "A", null, null);
        Assert.Equal((60, 30), (a.Reclaim.NoInteractionDays, a.FollowUpDays));
        Assert.Equal(210, rules.For(null, "C", null, null).Reclaim.NoInteractionDays);
        Assert.Equal(CareTemplate.DefaultBirthday, rules.Care.Birthday);
        Assert.Equal(CareTemplate.DefaultHoliday, rules.Care.HolidayMessage);
        Assert.Equal("default", Assert.Single(rules.Pools).Name);
    }

    [Fact]
    public void For_Layers_LaterWinsKeyByKey()
    {
        var rules = Rules("""
            {
              "pools": [ { "name": "east", "regions": ["Shanghai"],
                           "defaults": { "reclaim": { "warn_days": 3 } },
                           "tiers": { "A": { "followup_days": 10 } } },
                         { "name": "rest" } ],
              "defaults": { "reclaim": { "no_interaction_days": 50, "warn_days": 9 }, "followup_days": 40 },
              "tiers": { "A": { "reclaim": { "no_interaction_days": 90 }, "followup_days": 30 } },
              "segments": { "VIP": { "reclaim": { "exempt": true } } },
              "stages": { "new": { "followup_days": 7 } }
            }
            """);
        var eastA = rules.For("Shanghai", "A", null, null);
        Assert.Equal(("east", 90, 3, 10), (eastA.Pool.Name, eastA.Reclaim.NoInteractionDays, eastA.Reclaim.WarnDays, eastA.FollowUpDays));
        Assert.Equal("defaults, tier A, pool east defaults, pool east tier A", eastA.Origin);
        var restA = rules.For("Beijing", "A", "VIP", "new");
        Assert.Equal(("rest", 90, 9, 7, true), (restA.Pool.Name, restA.Reclaim.NoInteractionDays, restA.Reclaim.WarnDays, restA.FollowUpDays, restA.Reclaim.Exempt));
        Assert.Same(restA, rules.For("Beijing", "A", "VIP", "new"));
    }

    [Fact]
    public void Parse_NullSwitchesARuleOff_CapLevelRemoved()
    {
        var r = Rules("""{ "defaults": { "reclaim": { "no_order_days": null }, "claim": { "cap_by_level": { "senior": null, "junior": 5 } }, "credit_limit": 1000 } }""")
            .For(null, null, null, null);
        Assert.Null(r.Reclaim.NoOrderDays);
        Assert.False(r.Claim.CapByLevel.ContainsKey(RepLevel.Senior));
        Assert.Equal(5, r.Claim.CapByLevel[RepLevel.Junior]);
        Assert.Equal(1000m, r.CreditLimit);
    }

    [Fact]
    public void Parse_NoCatchAllPool_AddsPoolOther()
    {
        var rules = Rules("""{ "pools": [ { "name": "east", "regions": ["Shanghai"] } ] }""");
        Assert.Equal(["east", "other"], rules.Pools.Select(p => p.Name));
        Assert.Equal("other", rules.PoolOf("Beijing").Name);
        Assert.Equal("other", rules.PoolOf(null).Name);
        Assert.Equal("east", rules.PoolOf("Shanghai").Name);
    }

    [Theory]
    [InlineData("{\n  \"defaults\": { \"reclaim\": { \"no_interaction_days\": 0 } }\n}", 2, 53, "reclaim.no_interaction_days: expected a whole number of days ≥ 1")]
    [InlineData("{\n  \"defaults\": { \"reclaim\": { \"no_interaction_day\": 5 } }\n}", 2, 30, "unknown key 'no_interaction_day' in reclaim; allowed: no_interaction_days")]
    [InlineData("{\n  \"pool\": []\n}", 2, 3, "unknown key 'pool' in the rules; allowed: description, managers, pools")]
    [InlineData("{ \"pools\": [ { \"name\": \"a\", \"regions\": [\"X\"] },\n  { \"name\": \"b\", \"regions\": [\"X\"] } ] }", 2, 29, "region 'X' is in pool 'a' already")]
    [InlineData("{ \"pools\": [ { \"name\": \"a\" },\n  { \"name\": \"b\" } ] }", 2, 3, "pool 'b' lists no regions, and neither does pool 'a'")]
    [InlineData("{ \"care\": { \"holidays\": [\"spring_festival\", \n \"easter\"] } }", 2, 2, "unknown holiday 'easter'")]
    [InlineData("{ \"tiers\": { \"A\": { \"followup_days\": 2.5 } } }", 1, 38, "followup_days: expected a whole number of days ≥ 1, or null")]
    [InlineData("{ \"alerts\": { \"webhook\": { \"url\": \"ftp://x\" } } }", 1, 35, "alerts.webhook.url: expected an http:// or https:// address")]
    [InlineData("{ \"defaults\": { \"reclaim\": { \"warn_days\": 7, } ", 1, 48, "invalid JSON")]
    [InlineData("// nothing but a comment\n", 2, 1, "the rules file is empty")]
    public void Parse_Invalid_FileLineColumnAndWhat(string json, int line, int column, string detail)
    {
        var e = Assert.Throws<RulesException>(() => Rules(json));
        Assert.Contains(detail, e.Detail);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.StartsWith($"rules.json:{line}:{column}: ", e.Message);
    }

    [Fact]
    public void Parse_OwnHolidays_FixedAndPerYear()
    {
        var rules = Rules("""
            { "care": { "holidays": [ "中秋", { "name": "店庆", "name_en": "Store day", "date": "06-18" },
                                      { "name": "清明", "dates": { "2026": "2026-04-05" } } ] } }
            """);
        Assert.Equal(["mid_autumn", "店庆", "清明"], rules.Care.Holidays.Select(h => h.Key));
        Assert.Equal(D("2027-06-18"), rules.Care.Holidays[1].On(2027));
        Assert.Equal(D("2026-04-05"), rules.Care.Holidays[2].On(2026));
        Assert.Null(rules.Care.Holidays[2].On(2027));
        Assert.Equal("Store day", rules.Care.Holidays[1].EnglishName);
    }

    [Fact]
    public void IsManager_GlobalAndPool()
    {
        var rules = Rules("""{ "managers": ["boss"], "pools": [ { "name": "e", "regions": ["E"], "managers": ["lead"] }, { "name": "w" } ] }""");
        Assert.True(rules.IsManager("boss", rules.PoolOf("W")));
        Assert.True(rules.IsManager("lead", rules.PoolOf("E")));
        Assert.False(rules.IsManager("lead", rules.PoolOf("W")));
        Assert.True(rules.IsAnyManager("lead"));
    }
}
