using Allot.Core.Classification;

namespace Allot.Core.Tests.Classification;

public sealed class AbcTests
{
    [Fact]
    public void Classify_ClassicPareto_CrossingCustomerStaysA()
    {
        // Shares 50, 25, 15, 6, 4 %: cumulative before 0, 50, 75, 90, 96 %.
        var table = Tables.One(["a", "b", "c", "d", "e"], [50, 25, 15, 6, 4]);
        var result = Abc.Classify(table, "x", AbcOptions.Default);
        Assert.Equal(["A", "A", "A", "B", "C"], Tables.ClassesOf(result));
        Assert.Equal(0.75, result.Assignments[2].Numbers["cumulative_share_before"], 12);
        Assert.Equal(0.15, result.Assignments[2].Numbers["share"], 12);
        Assert.Equal(3, result.Assignments[2].Numbers["rank"]);
        Assert.Equal("abc_x", result.Name);
    }

    [Fact]
    public void Classify_ExactlyAtThreshold_GoesToNextClass()
    {
        // Cumulative before the third customer is exactly 80 %: not < 80 %, so B; before the last 95 % → C.
        var table = Tables.One(["a", "b", "c", "d"], [40, 40, 15, 5]);
        Assert.Equal(["A", "A", "B", "C"], Tables.ClassesOf(Abc.Classify(table, "x")));
    }

    [Fact]
    public void Classify_TiedValues_OrderedByKeyOrdinal()
    {
        var table = Tables.One(["b", "a", "c"], [10, 10, 10]);
        var result = Abc.Classify(table, "x", new AbcOptions { AThreshold = 0.3, BThreshold = 0.6 });
        // Rows are in key order a, b, c; a ranks first by key.
        Assert.Equal(["a", "b", "c"], result.Assignments.Select(a => a.CustomerKey));
        Assert.Equal([1.0, 2, 3], result.Assignments.Select(a => a.Numbers["rank"]));
        Assert.Equal(["A", "B", "C"], Tables.ClassesOf(result));
    }

    [Fact]
    public void Classify_NegativeZeroAndMissing_NotInSharesAndInLossClass()
    {
        var table = Tables.One(["a", "b", "c", "d", "e"], [90, -30, 10, 0, double.NaN]);
        var result = Abc.Classify(table, "x", new AbcOptions { NonPositiveClass = "loss" });
        Assert.Equal(["A", "loss", "B", "loss", "loss"], Tables.ClassesOf(result));
        Assert.Equal(0.9, result.Assignments[0].Numbers["share"], 12);
        Assert.Contains("≤ 0", result.Assignments[1].Reason);
        Assert.Contains("missing", result.Assignments[4].Reason);
        Assert.Equal(["A", "B", "C", "loss"], result.Classes);
        // Ranks: positives, then 0 before -30, then missing.
        Assert.Equal([1.0, 4, 2, 3, 5], result.Assignments.Select(a => a.Numbers["rank"]));
    }

    [Fact]
    public void Classify_NegativeWithoutLossClass_IsC()
    {
        var result = Abc.Classify(Tables.One(["a", "b"], [5, -5]), "x");
        Assert.Equal(["A", "C"], Tables.ClassesOf(result));
        Assert.Equal(["A", "B", "C"], result.Classes);
    }

    [Fact]
    public void Classify_CustomNames_Used()
    {
        var result = Abc.Classify(Tables.One(["a", "b", "c"], [80, 15, 5]), "x",
            new AbcOptions { ClassA = "重点", ClassB = "一般", ClassC = "次要" });
        Assert.Equal(["重点", "一般", "次要"], Tables.ClassesOf(result));
    }

    [Theory]
    [InlineData(0, 0.9)]
    [InlineData(0.9, 0.8)]
    [InlineData(0.8, 0.8)]
    [InlineData(0.8, 1.01)]
    [InlineData(double.NaN, 0.9)]
    public void Classify_BadThresholds_Throws(double a, double b)
    {
        var ex = Assert.Throws<ArgumentException>(() => Abc.Classify(Tables.One(["a"], [1]), "x", new AbcOptions { AThreshold = a, BThreshold = b }));
        Assert.Contains("0 < A < B <= 1", ex.Message);
    }

    [Fact]
    public void Classify_BOfOne_NoPositiveCustomerIsC()
    {
        var result = Abc.Classify(Tables.One(["a", "b", "c"], [98, 1, 1]), "x", new AbcOptions { AThreshold = 0.5, BThreshold = 1 });
        Assert.Equal(["A", "B", "B"], Tables.ClassesOf(result));
    }

    [Fact]
    public void Classify_UnknownIndicator_ListsKnown()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Abc.Classify(Tables.One(["a"], [1]), "amount"));
        Assert.Contains("known: x", ex.Message);
    }

    [Fact]
    public void Classify_RandomTables_SharesSumToOneAndClassesFollowRank()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var table = Tables.Random(seed, 200, ["x"], nanRate: 0.05, allowNegative: true);
            var result = Abc.Classify(table, "x");
            Assert.Equal(table.CustomerKeys, result.Assignments.Select(a => a.CustomerKey));
            Assert.Equal(1.0, result.Assignments.Sum(a => a.Numbers["share"]), 9);
            // Class never improves as rank worsens (higher value → class not lower).
            var byRank = result.Assignments.OrderBy(a => a.Numbers["rank"]).Select(a => result.Classes.ToList().IndexOf(a.Class)).ToArray();
            for (int i = 1; i < byRank.Length; i++) Assert.True(byRank[i] >= byRank[i - 1], $"seed {seed} rank {i + 1}");
        }
    }

    [Fact]
    public void Classify_SameInputTwice_IdenticalResults()
    {
        var table = Tables.Random(7, 300, ["x"], 0.1, true);
        var first = Abc.Classify(table, "x");
        var second = Abc.Classify(table, "x");
        Assert.Equal(first.Assignments.Select(a => (a.Class, a.Reason, string.Join(";", a.Numbers))),
            second.Assignments.Select(a => (a.Class, a.Reason, string.Join(";", a.Numbers))));
    }
}
