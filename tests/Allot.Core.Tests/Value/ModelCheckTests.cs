using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class ModelCheckTests
{
    [Fact]
    public void HoldoutByFrequency_Cdnow_GroupsAndMeansAddUp()
    {
        var s = CdnowData.WeeklySummaries;
        var model = BgNbdModel.Fit(s).Model;
        var rows = ModelCheck.HoldoutByFrequency(model, s);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], rows.Select(r => r.Label));
        Assert.Equal(2357, rows.Sum(r => r.Customers));
        Assert.Equal(s.HoldoutPurchases.Sum(), rows.Sum(r => r.Actual * r.Customers), 6);
        Assert.Equal(1411, rows[0].Customers);
        // FHL (2005, fig. 4): the BG/NBD tracks the holdout means, under-predicting x = 1 and 2 somewhat (0.52 vs
        // 0.70, 1.04 vs 1.39 here); within 30 % in every group, and rising with frequency.
        foreach (var r in rows) Assert.True(r.Expected / r.Actual is > 0.7 and < 1.3, $"{r.Label}: actual {r.Actual}, expected {r.Expected}");
        for (int k = 1; k < rows.Count; k++) Assert.True(rows[k].Expected > rows[k - 1].Expected);
    }

    [Fact]
    public void Tracking_Cdnow_78WeeksCumulativeCloseToActual()
    {
        var s = CdnowData.WeeklySummaries;
        var model = BgNbdModel.Fit(s).Model;
        var points = ModelCheck.Tracking(model, s);
        Assert.Equal(78, points.Count);
        Assert.Equal(39, points.Count(p => p.InCalibration));
        Assert.Equal(new DateOnly(1997, 9, 30), points[38].End);
        Assert.Equal(s.RepeatPurchasesByDay.Take(78 * 7).Sum(), points[^1].ActualCumulative);
        // In the calibration period the fitted model reproduces the repeat purchases almost exactly; over the
        // holdout FHL show it within a few percent.
        Assert.Equal(points[38].ActualCumulative, points[38].ExpectedCumulative, points[38].ActualCumulative * 0.02);
        Assert.Equal(points[^1].ActualCumulative, points[^1].ExpectedCumulative, points[^1].ActualCumulative * 0.05);
        Assert.Equal(points.Sum(p => p.Expected), points[^1].ExpectedCumulative, 6);
    }
}
