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
}
