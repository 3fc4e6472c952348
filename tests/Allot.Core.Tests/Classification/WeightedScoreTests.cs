using Allot.Core.Classification;

namespace Allot.Core.Tests.Classification;

public sealed class WeightedScoreTests
{
    private static ScoringOptions Options(params ScoredIndicator[] indicators) => new() { Indicators = indicators };

    [Fact]
    public void Classify_MinMaxTwoIndicators_ScoreAndContributions()
    {
        // amount 0/50/100 → 0, 0.5, 1; collection_days 10/20/30 lower better → 1, 0.5, 0. Weights 3 and 1.
        var table = Tables.Columns(("amount", [0, 50, 100]), ("collection_days", [10, 20, 30]));
        var result = WeightedScore.Classify(table, Options(new("amount", 3), new("collection_days", 1, ScoreDirection.LowerIsBetter)));
        Assert.Equal([25.0, 50, 75], result.Assignments.Select(a => a.Numbers["score"]));
        var top = result.Assignments[2].Numbers;
        Assert.Equal(75, top["contribution_amount"], 12);
        Assert.Equal(0, top["contribution_collection_days"], 12);
        Assert.Equal(1, top["normalised_amount"], 12);
        Assert.Equal(100, top["value_amount"]);
        Assert.Equal(["低价值", "普通", "潜力"], Tables.ClassesOf(result));
    }

    [Fact]
    public void Classify_ScoreExactlyAtThreshold_InclusiveTier()
    {
        var table = Tables.Columns(("x", [0, 60, 80, 100]));
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)));
        Assert.Equal(["低价值", "潜力", "高价值", "高价值"], Tables.ClassesOf(result));
        Assert.Contains("≥ 60 and < 80", result.Assignments[1].Reason);
    }

    [Fact]
    public void Classify_Missing_WorstInEitherDirection()
    {
        var table = Tables.Columns(("up", [1, 2, double.NaN]), ("down", [1, 2, double.NaN]));
        var up = WeightedScore.Classify(table, Options(new ScoredIndicator("up", 1)));
        var down = WeightedScore.Classify(table, Options(new ScoredIndicator("down", 1, ScoreDirection.LowerIsBetter)));
        Assert.Equal(0, up.Assignments[2].Numbers["score"]);
        Assert.Equal(0, down.Assignments[2].Numbers["score"]);
        Assert.Equal(100, down.Assignments[0].Numbers["score"]);
        Assert.Contains("missing", up.Assignments[2].Reason);
    }

    [Fact]
    public void Classify_ZScore_OneSigmaIsPhiOfOne()
    {
        // −1, −1, 1, 1: mean 0, population σ = 1, so z = ±1 and Φ(±1) = 0.8413447 / 0.1586553.
        var table = Tables.Columns(("x", [-1, -1, 1, 1]));
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { Normalisation = Normalisation.ZScore });
        Assert.Equal(0.8413447, result.Assignments[2].Numbers["normalised_x"], 6);
        Assert.Equal(0.1586553, result.Assignments[0].Numbers["normalised_x"], 6);
    }

    [Fact]
    public void Classify_ConstantIndicator_HalfInEveryMethod()
    {
        var table = Tables.Columns(("x", [4, 4, 4]));
        foreach (var method in Enum.GetValues<Normalisation>())
            Assert.All(WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { Normalisation = method }).Assignments,
                a => Assert.Equal(50, a.Numbers["score"], 9));
    }

    [Fact]
    public void Classify_PercentileRank_TiesShareMidRank()
    {
        var table = Tables.Columns(("x", [10, 20, 20, 30]));
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { Normalisation = Normalisation.PercentileRank });
        Assert.Equal([0, 0.5, 0.5, 1], result.Assignments.Select(a => a.Numbers["normalised_x"]));
    }

    [Fact]
    public void Classify_Winsorised_OutlierNoLongerStretchesScale()
    {
        double[] values = [.. Enumerable.Range(1, 10).Select(i => (double)i), 1000];
        var table = Tables.Columns(("x", values));
        var plain = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)));
        var clipped = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { WinsorLower = 0.0, WinsorUpper = 0.9 });
        // 90th percentile of 1..10,1000 (type 7) = 10; so 10 and 1000 both normalise to 1, 1 to 0.
        Assert.True(plain.Assignments[9].Numbers["score"] < 1.0);
        Assert.Equal(100, clipped.Assignments[9].Numbers["score"], 9);
        Assert.Equal(100, clipped.Assignments[10].Numbers["score"], 9);
        Assert.Equal(1000, clipped.Assignments[10].Numbers["value_x"]);
    }

    [Fact]
    public void Classify_ShareTiers_BoundaryTiesByKey()
    {
        // Ten customers, all the same score: top 20 % are the first two keys, next 30 % the next three.
        var table = Tables.Columns(("x", Enumerable.Repeat(5.0, 10).ToArray()));
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with
        {
            ShareTiers = [new("top", 0.2), new("next", 0.3)],
            RestTier = "rest",
        });
        Assert.Equal(["top", "top", "next", "next", "next", "rest", "rest", "rest", "rest", "rest"], Tables.ClassesOf(result));
        Assert.Equal(["top", "next", "rest"], result.Classes);
    }

    [Fact]
    public void Classify_ShareTiers_HighestScoresFirst()
    {
        var table = Tables.Columns(("x", [1, 9, 5, 7, 3]));
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { ShareTiers = [new("top", 0.4)], RestTier = "rest" });
        Assert.Equal(["rest", "top", "rest", "top", "rest"], Tables.ClassesOf(result));
        Assert.Equal(1, result.Assignments[1].Numbers["position"]);
    }

    [Fact]
    public void Classify_UnknownIndicator_ListsKnown()
    {
        var table = Tables.Columns(("amount", [1.0]), ("orders", [1.0]));
        var ex = Assert.Throws<ArgumentException>(() => WeightedScore.Classify(table, Options(new ScoredIndicator("margin", 1))));
        Assert.Contains("known: amount, orders", ex.Message);
    }

    public static TheoryData<string, ScoringOptions> BadOptions => new()
    {
        { "finite and ≥ 0", new ScoringOptions { Indicators = [new("x", -1)] } },
        { "all weights are zero", new ScoringOptions { Indicators = [new("x", 0), new("y", 0)] } },
        { "strictly decreasing", new ScoringOptions { Indicators = [new("x", 1)], ScoreTiers = [new("a", 60), new("b", 80)] } },
        { "strictly decreasing", new ScoringOptions { Indicators = [new("x", 1)], ScoreTiers = [new("a", 60), new("b", 60)] } },
        { "sum to 1.1 > 1", new ScoringOptions { Indicators = [new("x", 1)], ShareTiers = [new("a", 0.6), new("b", 0.5)] } },
        { "not both", new ScoringOptions { Indicators = [new("x", 1)], ShareTiers = [new("a", 0.5)], ScoreTiers = [new("b", 50)] } },
        { "appears twice", new ScoringOptions { Indicators = [new("x", 1), new("x", 2)] } },
        { "winsor", new ScoringOptions { Indicators = [new("x", 1)], WinsorLower = 0.9, WinsorUpper = 0.1 } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Classify_BadOptions_ThrowsWithReason(string expected, ScoringOptions options)
    {
        var table = Tables.Columns(("x", [1.0, 2]), ("y", [1.0, 2]));
        var ex = Assert.Throws<ArgumentException>(() => WeightedScore.Classify(table, options));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Classify_SharesSummingToOne_Accepted()
    {
        var table = Tables.Columns(("x", [1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { ShareTiers = [new("a", 0.2), new("b", 0.3), new("c", 0.5)] });
        Assert.DoesNotContain(result.Assignments, a => a.Class == "低价值");
        Assert.Equal(5, result.Assignments.Count(a => a.Class == "c"));
    }

    [Theory]
    [InlineData(Normalisation.MinMax)]
    [InlineData(Normalisation.ZScore)]
    [InlineData(Normalisation.PercentileRank)]
    public void Classify_RandomTables_ContributionsSumAndMonotone(Normalisation method)
    {
        for (int seed = 1; seed <= 8; seed++)
        {
            var table = Tables.Random(seed, 120, ["a", "b", "c"], nanRate: 0.05, allowNegative: true);
            var options = Options(new("a", 2), new("b", 1, ScoreDirection.LowerIsBetter), new("c", 0.5)) with { Normalisation = method, WinsorUpper = 0.95 };
            var result = WeightedScore.Classify(table, options);
            Assert.Equal(table.CustomerKeys, result.Assignments.Select(a => a.CustomerKey));
            foreach (var a in result.Assignments)
            {
                Assert.Equal(a.Numbers["score"], a.Numbers["contribution_a"] + a.Numbers["contribution_b"] + a.Numbers["contribution_c"], 9);
                Assert.InRange(a.Numbers["score"], 0, 100);
            }
            // Higher a (others equal in rank is not guaranteed), so check the normalised value alone is monotone.
            var present = result.Assignments.Where(x => double.IsFinite(x.Numbers["value_a"])).ToArray();
            foreach (var x in present)
                foreach (var y in present)
                    if (x.Numbers["value_a"] > y.Numbers["value_a"]) Assert.True(x.Numbers["normalised_a"] >= y.Numbers["normalised_a"]);
            var again = WeightedScore.Classify(table, options);
            Assert.Equal(result.Assignments.Select(a => a.Reason), again.Assignments.Select(a => a.Reason));
        }
    }

    [Fact]
    public void Classify_SingleIndicator_ScoreMonotoneInValue()
    {
        var table = Tables.Random(3, 200, ["x"], nanRate: 0.1);
        var result = WeightedScore.Classify(table, Options(new ScoredIndicator("x", 1)) with { Normalisation = Normalisation.ZScore });
        var ordered = result.Assignments.Where(a => double.IsFinite(a.Numbers["value_x"])).OrderBy(a => a.Numbers["value_x"]).Select(a => a.Numbers["score"]).ToArray();
        for (int i = 1; i < ordered.Length; i++) Assert.True(ordered[i] >= ordered[i - 1]);
        Assert.All(result.Assignments.Where(a => double.IsNaN(a.Numbers["value_x"])), a => Assert.Equal(0, a.Numbers["score"]));
    }
}
