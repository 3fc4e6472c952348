using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class GammaGammaModelTests
{
    [Fact]
    public void Fit_CdnowRepeatBuyers_MatchesFaderHardie2013()
    {
        var s = CdnowData.WeeklySummaries;
        var fit = GammaGammaModel.Fit(s);
        // Fader & Hardie (2013) on the 946 repeat buyers: p = 6.25, q = 3.74, γ = 15.44, LL = −4055.9.
        Assert.Equal(946, fit.Report.Customers);
        Assert.Equal(6.25, fit.Model.P, 0.005);
        Assert.Equal(3.74, fit.Model.Q, 0.005);
        Assert.Equal(15.44, fit.Model.Gamma, 0.005);
        Assert.Equal(-4055.9, fit.Report.LogLikelihood, 0.05);
        Assert.True(fit.Report.Converged);
    }

    [Fact]
    public void CheckIndependence_Cdnow_WeakCorrelationAsReported()
    {
        var s = CdnowData.WeeklySummaries;
        var check = GammaGammaModel.CheckIndependence(s.X, s.MeanRepeatSpend);
        // FHL (2005, "RFM and CLV") report a correlation of 0.11 between frequency and average spend.
        Assert.Equal(0.11, check.Correlation, 0.005);
        Assert.Equal(946, check.Customers);
        Assert.True(check.Holds);
    }

    [Fact]
    public void ConditionalMeanSpend_FittedParameters_MatchHardieSpreadsheet()
    {
        // The first ten CDNOW customers' expected spend in Fader & Hardie's Gamma-Gamma spreadsheet (note 025),
        // which uses the unrounded estimates (with the printed ones, x = 0 gives 35.22 instead of 35.17).
        var s = CdnowData.WeeklySummaries;
        var model = GammaGammaModel.Fit(s).Model;
        double[] expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
        for (int i = 0; i < 10; i++) Assert.Equal(expected[i], model.ConditionalMeanSpend(s.X[i], s.MeanRepeatSpend[i]), 0.01);
        Assert.Equal(model.PopulationMeanSpend, model.ConditionalMeanSpend(0, 0));
    }
}
