using Allot.Core.Classification;
using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification;

public sealed class ClassSummaryTests
{
    [Fact]
    public void Of_AbcResult_CountsAndSharesSumToOne()
    {
        var table = IndicatorTable.Create(new DateOnly(2025, 1, 1), ["a", "b", "c", "d"],
            new Dictionary<string, double[]> { ["amount"] = [70, 20, 10, double.NaN] });
        var summary = ClassSummary.Of(Abc.Classify(table, "amount"), table);
        Assert.Equal(["A", "B", "C"], summary.Select(s => s.Class));
        // a: share before 0 → A; b: before 0.7 < 0.8 → A; c: before 0.9 < 0.95 → B; d: missing → C.
        Assert.Equal([2, 1, 1], summary.Select(s => s.Customers));
        Assert.Equal(1.0, summary.Sum(s => s.RevenueShare), 12);
        Assert.Equal(1.0, summary.Sum(s => s.CustomerShare), 12);
        Assert.Equal(0.9, summary[0].RevenueShare, 12);
    }

    [Fact]
    public void Of_ProfitSharesAndMeans_PerClass()
    {
        var table = IndicatorTable.Create(new DateOnly(2025, 1, 1), ["a", "b", "c"], new Dictionary<string, double[]>
        {
            ["amount"] = [80, 15, 5],
            ["profit"] = [10, 20, -5],
            ["orders"] = [4, double.NaN, 2],
        });
        var summary = ClassSummary.Of(Abc.Classify(table, "amount"), table, meanIndicators: ["orders"]);
        // a: A (before 0); b: before 0.80 → B; c: before 0.95 → C.
        Assert.Equal([0.4, 0.8, -0.2], summary.Select(s => Math.Round(s.ProfitShare, 12)));
        Assert.Equal(4.0, summary[0].Means["orders"]);
        Assert.True(double.IsNaN(summary[1].Means["orders"]));
    }
}
