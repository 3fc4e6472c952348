using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class ChurnWarningsTests
{
    [Fact]
    public void Find_Cdnow_LowPAliveAndTopFifthByValueRankedByValueAtRisk()
    {
        var s = CdnowData.WeeklySummaries;
        var scores = ValueScorer.Score(new BgNbdModel(0.243, 4.414, 0.793, 2.426), new GammaGammaModel(6.25, 3.74, 15.44), s);
        var report = ChurnWarnings.Find(s, scores, new ChurnOptions { Threshold = 0.3 });
        Assert.NotEmpty(report.Warnings);
        // Independent: the cut is the value with 80 % of the positive spends at or below it.
        var positive = s.CalibrationSpend.Where(v => v > 0).Order().ToList();
        Assert.Equal(positive[(int)Math.Ceiling(0.8 * positive.Count) - 1], report.ValueCut);
        var expected = Enumerable.Range(0, s.Count).Where(i => scores.ProbabilityAlive[i] < 0.3 && s.CalibrationSpend[i] >= report.ValueCut).ToHashSet();
        Assert.Equal(expected.Order(), report.Warnings.Select(w => w.Row).Order());
        for (int k = 1; k < report.Warnings.Count; k++) Assert.True(report.Warnings[k - 1].ValueAtRisk >= report.Warnings[k].ValueAtRisk);
        Assert.All(report.Warnings, w => Assert.Equal((1 - w.ProbabilityAlive) * w.Value, w.ValueAtRisk, 9));
    }

    [Fact]
    public void Find_ExpectedBasis_UsesClvIfAlive()
    {
        var s = CdnowData.WeeklySummaries;
        var scores = ValueScorer.Score(new BgNbdModel(0.243, 4.414, 0.793, 2.426), new GammaGammaModel(6.25, 3.74, 15.44), s);
        var report = ChurnWarnings.Find(s, scores, new ChurnOptions { Basis = ChurnBasis.Expected, Threshold = 0.5, ValueQuantile = 0.5 });
        Assert.All(report.Warnings, w => Assert.Equal(scores.ClvIfAlive[w.Row], w.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChurnWarnings.Find(s, scores, new ChurnOptions { Threshold = 1.5 }));
    }
}
