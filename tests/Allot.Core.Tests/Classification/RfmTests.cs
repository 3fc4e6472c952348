using Allot.Core.Classification;

namespace Allot.Core.Tests.Classification;

public sealed class RfmTests
{
    private static Allot.Core.Indicators.IndicatorTable Rfm3(double[] recency, double[] orders, double[] amount) =>
        Tables.Columns(("recency_days", recency), ("orders", orders), ("amount", amount));

    private static int[] Scores(ClassifierResult result, string name) =>
        result.Assignments.Select(a => a.Numbers.TryGetValue(name, out double v) ? (int)v : 0).ToArray();

    [Fact]
    public void Score_TenDistinctValues_TwoPerQuintile()
    {
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var result = Rfm.Score(Rfm3(ten, ten, ten));
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], Scores(result, "f"));
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], Scores(result, "m"));
        // Fewest days = most recent = R 5.
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], Scores(result, "r"));
    }

    [Fact]
    public void Score_Ties_ShareLowestRank()
    {
        // Sorted 1, 5, 5, 5: ranks 1, 2, 2, 2 → scores 1, 1 + ⌊5·1/4⌋ = 2.
        var result = Rfm.Score(Rfm3([10, 10, 10, 10], [5, 5, 1, 5], [1, 2, 3, 4]));
        Assert.Equal([2, 2, 1, 2], Scores(result, "f"));
        // All recency tied at rank 1 → R 1 for everybody.
        Assert.Equal([1, 1, 1, 1], Scores(result, "r"));
    }

    [Fact]
    public void Score_MissingOrZeroOrders_NoPurchasesAndNotRanked()
    {
        var result = Rfm.Score(Rfm3([1, double.NaN, 5, 7], [3, double.NaN, 0, 1], [100, double.NaN, 0, 50]));
        Assert.Equal([Rfm.NoPurchases, Rfm.NoPurchases], new[] { result.Assignments[1].Class, result.Assignments[2].Class });
        Assert.False(result.Assignments[1].Numbers.ContainsKey("r"));
        // N = 2 buying customers: the better gets rank 2 → 1 + ⌊5/2⌋ = 3.
        Assert.Equal(3, result.Assignments[0].Numbers["f"]);
        Assert.Equal(1, result.Assignments[3].Numbers["f"]);
        Assert.Equal(Rfm.NoPurchases, result.Classes[^1]);
    }

    [Fact]
    public void Score_CellAndSegment_Reported()
    {
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var result = Rfm.Score(Rfm3(ten, [.. ten.Reverse()], [.. ten.Reverse()]));
        var first = result.Assignments[0];
        Assert.Equal(555, first.Numbers["cell"]);
        Assert.Equal("Champions", first.Class);
        Assert.Contains("cell 555", first.Reason);
        Assert.Equal("Lost", result.Assignments[9].Class);
        Assert.Equal(111, result.Assignments[9].Numbers["cell"]);
    }

    [Fact]
    public void Score_ChineseAndOverride_Used()
    {
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var table = Rfm3(ten, [.. ten.Reverse()], [.. ten.Reverse()]);
        var chinese = Rfm.Score(table, language: SegmentLanguage.Chinese);
        Assert.Equal("冠军客户", chinese.Assignments[0].Class);
        Assert.Equal("已流失", chinese.Assignments[9].Class);
        var custom = Rfm.Score(table, segments: new Dictionary<int, string> { [555] = "VIP" });
        Assert.Equal("VIP", custom.Assignments[0].Class);
        Assert.Equal("Lost", custom.Assignments[9].Class);
        Assert.Contains("VIP", custom.Classes);
    }

    [Theory]
    [InlineData(600)]
    [InlineData(105)]
    [InlineData(56)]
    public void Score_BadOverrideCell_Throws(int cell)
    {
        var ex = Assert.Throws<ArgumentException>(() => Rfm.Score(Rfm3([1], [1], [1]), segments: new Dictionary<int, string> { [cell] = "x" }));
        Assert.Contains("111", ex.Message);
    }

    [Fact]
    public void SegmentOf_All125Cells_EachExactlyOneAndAllSegmentsUsed()
    {
        var used = new Dictionary<RfmSegment, int>();
        for (int r = 1; r <= 5; r++)
            for (int f = 1; f <= 5; f++)
                for (int m = 1; m <= 5; m++)
                {
                    var s = RfmSegment.Of(r, f, m);
                    Assert.Contains(s, RfmSegment.All);
                    used[s] = used.GetValueOrDefault(s) + 1;
                }
        Assert.Equal(125, used.Values.Sum());
        Assert.Equal(11, used.Count);
    }

    [Theory]
    [InlineData(5, 5, 4, "Champions")]
    [InlineData(5, 1, 1, "New Customers")]
    [InlineData(4, 1, 1, "Promising")]
    [InlineData(3, 3, 3, "Need Attention")]
    [InlineData(3, 1, 2, "About to Sleep")]
    [InlineData(1, 5, 5, "Cannot Lose Them")]
    [InlineData(2, 4, 3, "At Risk")]
    [InlineData(2, 1, 2, "Hibernating")]
    [InlineData(1, 2, 2, "Lost")]
    [InlineData(4, 4, 4, "Loyal")]
    [InlineData(5, 2, 3, "Potential Loyalists")]
    public void SegmentOf_Cell_Expected(int r, int f, int m, string expected) =>
        Assert.Equal(expected, RfmSegment.Of(r, f, m).English);

    [Fact]
    public void SegmentOf_ScoreOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegment.Of(0, 3, 3));

    [Fact]
    public void Score_RandomTables_MonotoneDeterministicAndInRowOrder()
    {
        for (int seed = 1; seed <= 10; seed++)
        {
            var table = Tables.Random(seed, 150, ["recency_days", "orders", "amount"], nanRate: 0.05);
            var a = Rfm.Score(table);
            var b = Rfm.Score(table);
            Assert.Equal(table.CustomerKeys, a.Assignments.Select(x => x.CustomerKey));
            Assert.Equal(a.Assignments.Select(x => x.Reason), b.Assignments.Select(x => x.Reason));
            var scored = a.Assignments.Where(x => x.Numbers.ContainsKey("f")).ToArray();
            foreach (var x in scored)
                foreach (var y in scored)
                {
                    if (x.Numbers["amount"] > y.Numbers["amount"]) Assert.True(x.Numbers["m"] >= y.Numbers["m"]);
                    if (x.Numbers["recency_days"] < y.Numbers["recency_days"]) Assert.True(x.Numbers["r"] >= y.Numbers["r"]);
                }
        }
    }

    [Fact]
    public void EightClass_AboveAndBelowMeans_UsualChineseNames()
    {
        // Means: recency 25, orders 5, amount 250.
        var table = Rfm3([10, 10, 40, 40, 10, 10, 40, 40], [9, 1, 9, 1, 9, 1, 9, 1], [400, 400, 400, 400, 100, 100, 100, 100]);
        var result = Rfm.EightClass(table);
        Assert.Equal(["重要价值", "重要发展", "重要保持", "重要挽留", "一般价值", "一般发展", "一般保持", "一般挽留"], Tables.ClassesOf(result));
        var english = Rfm.EightClass(table, language: SegmentLanguage.English);
        Assert.Equal("Key Value", english.Assignments[0].Class);
        Assert.Equal("General Win-back", english.Assignments[7].Class);
        Assert.Equal(25, result.Assignments[0].Numbers["mean_recency_days"]);
    }

    [Fact]
    public void EightClass_ExactlyAtMean_IsHigh()
    {
        var result = Rfm.EightClass(Rfm3([5, 5, double.NaN], [2, 2, double.NaN], [10, 10, double.NaN]));
        Assert.Equal(["重要价值", "重要价值", Rfm.NoPurchasesChinese], Tables.ClassesOf(result));
    }
}
