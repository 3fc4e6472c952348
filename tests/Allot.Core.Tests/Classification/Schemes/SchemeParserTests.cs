using Allot.Core.Classification;
using Allot.Core.Classification.Schemes;

namespace Allot.Core.Tests.Classification.Schemes;

public sealed class SchemeParserTests
{
    private static string Wrap(string classifiers, string tierFrom = "c") => $$"""
        {
          "name": "t",
          "tier_from": "{{tierFrom}}",
          "classifiers": [
        {{classifiers}}
          ]
        }
        """;

    private static SchemeException Fails(string json) => Assert.Throws<SchemeException>(() => SchemeParser.Parse(json, "t.json"));

    [Fact]
    public void Parse_Abc_ReadsIndicatorThresholdsClassesAndLossClass()
    {
        var scheme = SchemeParser.Parse(Wrap("""
            { "name": "c", "kind": "abc", "indicator": "profit", "thresholds": [0.7, 0.9], "classes": ["X", "Y", "Z"], "loss_class": "loss" }, // trailing comma
            """), "t.json");
        var abc = Assert.IsType<AbcSpec>(Assert.Single(scheme.Classifiers));
        Assert.Equal("profit", abc.Indicator);
        Assert.Equal(new AbcOptions { AThreshold = 0.7, BThreshold = 0.9, ClassA = "X", ClassB = "Y", ClassC = "Z", NonPositiveClass = "loss" }, abc.Options);
        Assert.Equal(5, abc.Line);
        Assert.Equal("c", scheme.TierFrom);
    }

    [Fact]
    public void Parse_RfmAndRfm8_ReadIndicatorsLanguageAndCells()
    {
        var scheme = SchemeParser.Parse(Wrap("""
            { "name": "c", "kind": "rfm", "indicators": { "monetary": "amount_365" }, "language": "zh", "cells": { "555": "VIP" } },
            { "name": "e", "kind": "rfm8", "language": "en" }
            """), "t.json");
        var rfm = Assert.IsType<RfmSpec>(scheme.Classifiers[0]);
        Assert.Equal(("recency_days", "orders", "amount_365"), (rfm.Recency, rfm.Frequency, rfm.Monetary));
        Assert.Equal(SegmentLanguage.Chinese, rfm.Language);
        Assert.Equal("VIP", rfm.Cells![555]);
        Assert.Equal(SegmentLanguage.English, Assert.IsType<Rfm8Spec>(scheme.Classifiers[1]).Language);
    }

    [Fact]
    public void Parse_ScoreWithWeights_ReadsEverySetting()
    {
        var scheme = SchemeParser.Parse(Wrap("""
            { "name": "c", "kind": "score",
              "indicators": [ { "indicator": "amount", "weight": 3 }, { "indicator": "collection_days", "weight": 1, "direction": "lower_is_better" } ],
              "normalisation": "z_score", "winsorise": [0.05, 0.95],
              "score_tiers": [ { "name": "top", "min_score": 70 }, { "name": "mid", "min_score": 40 } ], "rest_tier": "low" }
            """), "t.json");
        var o = Assert.IsType<ScoreSpec>(Assert.Single(scheme.Classifiers)).Options;
        Assert.Equal([new ScoredIndicator("amount", 3), new ScoredIndicator("collection_days", 1, ScoreDirection.LowerIsBetter)], o.Indicators);
        Assert.Equal(Normalisation.ZScore, o.Normalisation);
        Assert.Equal((0.05, 0.95), (o.WinsorLower!.Value, o.WinsorUpper!.Value));
        Assert.Equal([new ScoreTier("top", 70), new ScoreTier("mid", 40)], o.ScoreTiers!);
        Assert.Equal("low", o.RestTier);
    }

    [Fact]
    public void Parse_ScoreWithAhp_WeightsFromEigenvector()
    {
        var scheme = SchemeParser.Parse(Wrap("""
            { "name": "c", "kind": "score", "indicators": [ { "indicator": "amount" }, { "indicator": "orders" } ],
              "ahp": [[1, 3], [0.3333, 1]], "share_tiers": [ { "name": "top", "share": 0.2 } ] }
            """), "t.json");
        var spec = Assert.IsType<ScoreSpec>(Assert.Single(scheme.Classifiers));
        Assert.Equal(0.75, spec.Options.Indicators[0].Weight, 3);
        Assert.NotNull(spec.Ahp);
        Assert.Equal([new ShareTier("top", 0.2)], spec.Options.ShareTiers!);
    }

    [Fact]
    public void Parse_RulesKmeansLifecycle_ReadSettings()
    {
        var scheme = SchemeParser.Parse(Wrap("""
            { "name": "c", "kind": "rules", "mode": "all_match", "default": "plain", "rules": [
                { "then": "north_risk", "when": [ { "indicator": "region", "op": "in", "value": ["north"] },
                                                   { "indicator": "overdue_amount", "op": ">=", "value": 1 } ] } ] },
            { "name": "k", "kind": "kmeans", "indicators": ["amount", "orders"], "k": 3, "seed": 7, "normalisation": "min_max" },
            { "name": "l", "kind": "lifecycle", "dormant_recency_days": 100, "lost_recency_days": 200, "language": "zh" }
            """), "t.json");
        var rules = Assert.IsType<RulesSpec>(scheme.Classifiers[0]).RuleSet;
        Assert.Equal(RuleMode.AllMatch, rules.Mode);
        Assert.Equal("plain", rules.DefaultClass);
        Assert.Equal(["north"], rules.Rules[0].Conditions[0].Texts!);
        Assert.Equal(1, rules.Rules[0].Conditions[1].Number);
        var k = Assert.IsType<KMeansSpec>(scheme.Classifiers[1]).Options;
        Assert.Equal((3, 7UL), (k.K!.Value, k.Seed));
        var l = Assert.IsType<LifecycleSpec>(scheme.Classifiers[2]).Options;
        Assert.Equal((100.0, 200.0, true), (l.DormantRecencyDays, l.LostRecencyDays, l.ChineseNames));
    }

    [Fact]
    public void Parse_InvalidJson_GivesLineOfSyntaxError()
    {
        var e = Fails("{\n  \"name\": \"t\",\n  \"tier_from\": \n}");
        Assert.Equal(4, e.Line);
        Assert.StartsWith("t.json:4:", e.Message);
    }

    [Fact]
    public void Parse_UnknownKey_NamesLineAndAllowedKeys()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "abc",
              "indicatr": "amount" }
            """));
        Assert.Equal(6, e.Line);
        Assert.Contains("unknown key 'indicatr'", e.Message);
        Assert.Contains("allowed: name, kind, description, indicator, thresholds", e.Message);
    }

    [Fact]
    public void Parse_UnknownKind_ListsKinds()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "pareto", "indicator": "amount" }
            """));
        Assert.Equal(5, e.Line);
        Assert.Contains("unknown kind 'pareto'; expected one of abc, rfm, rfm8, score, rules, kmeans, lifecycle", e.Message);
    }

    [Fact]
    public void Parse_UnknownIndicator_ListsNearMatches()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "abc",

              "indicator": "amout" }
            """));
        Assert.Equal(7, e.Line);
        Assert.Contains("unknown indicator 'amout'; did you mean amount", e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("\"3\"")]
    public void Parse_WeightNotPositiveNumber_Throws(string weight)
    {
        var e = Fails(Wrap($$"""
            { "name": "c", "kind": "score", "indicators": [
              { "indicator": "amount", "weight": 1 },
              { "indicator": "orders", "weight": {{weight}} } ] }
            """));
        Assert.Equal(7, e.Line);
        Assert.Contains("weight of 'orders': expected a positive number", e.Message);
    }

    [Fact]
    public void Parse_AhpNotSquare_Throws()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "score", "indicators": [ { "indicator": "amount" }, { "indicator": "orders" } ],
              "ahp": [[1, 3],
                      [0.3333]] }
            """));
        Assert.Equal(7, e.Line);
        Assert.Contains("not square", e.Message);
    }

    [Fact]
    public void Parse_AhpNotReciprocal_Throws()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "score", "indicators": [ { "indicator": "amount" }, { "indicator": "orders" } ],
              "ahp": [[1, 3], [3, 1]] }
            """));
        Assert.Equal(6, e.Line);
        Assert.Contains("not reciprocal", e.Message);
    }

    [Fact]
    public void Parse_AhpInconsistent_GivesConsistencyRatio()
    {
        // amount ≫ orders ≫ profit but profit ≫ amount: a cycle, CR far above 0.1.
        var e = Fails(Wrap("""
            { "name": "c", "kind": "score",
              "indicators": [ { "indicator": "amount" }, { "indicator": "orders" }, { "indicator": "profit" } ],
              "ahp": [[1, 9, 0.1111], [0.1111, 1, 9], [9, 0.1111, 1]] }
            """));
        Assert.Equal(7, e.Line);
        Assert.Contains("consistency ratio", e.Message);
        Assert.Contains("> 0.10", e.Message);
    }

    [Fact]
    public void Parse_ScoreTiersOverlap_NamesTier()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "score", "indicators": [ { "indicator": "amount", "weight": 1 } ],
              "score_tiers": [ { "name": "top", "min_score": 60 },
                               { "name": "mid", "min_score": 70 } ] }
            """));
        Assert.Equal(7, e.Line);
        Assert.Contains("score tiers overlap: 'mid'", e.Message);
    }

    [Fact]
    public void Parse_ShareTiersAboveOne_Throws()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "score", "indicators": [ { "indicator": "amount", "weight": 1 } ],
              "share_tiers": [ { "name": "top", "share": 0.6 }, { "name": "mid", "share": 0.5 } ] }
            """));
        Assert.Equal(6, e.Line);
        Assert.Contains("share tiers sum to 1.1", e.Message);
    }

    [Fact]
    public void Parse_DuplicateClassifierName_Throws()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "abc", "indicator": "amount" },
            { "name": "c", "kind": "abc", "indicator": "profit" }
            """));
        Assert.Equal(6, e.Line);
        Assert.Contains("'c' is used twice", e.Message);
    }

    [Fact]
    public void Parse_TierFromNamesNoClassifier_ListsClassifiers()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "abc", "indicator": "amount" }
            """, tierFrom: "abc"));
        Assert.Equal(3, e.Line);
        Assert.Contains("tier_from 'abc' names no classifier; classifiers: c", e.Message);
    }

    [Fact]
    public void Parse_TextIndicatorWithNumber_Throws()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "rules", "rules": [ { "then": "x", "when": [
              { "indicator": "region", "op": "==", "value": 3 } ] } ] }
            """));
        Assert.Equal(6, e.Line);
        Assert.Contains("region is a text indicator", e.Message);
    }

    [Fact]
    public void Parse_LifecycleThresholdsOutOfOrder_ReportedAtClassifier()
    {
        var e = Fails(Wrap("""
            { "name": "c", "kind": "lifecycle", "dormant_recency_days": 400 }
            """));
        Assert.Equal(5, e.Line);
        Assert.Contains("DormantRecencyDays (400) must be below LostRecencyDays", e.Message);
    }
}
