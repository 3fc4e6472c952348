using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class ParetoNbdModelTests
{
    [Fact]
    public void Fit_CdnowCalibration_MatchesFaderHardieLee2005()
    {
        var fit = ParetoNbdModel.Fit(CdnowData.WeeklySummaries);
        // FHL (2005): r = 0.553, α = 10.578, s = 0.606, β = 11.669 (β on a flat ridge), LL = −9595.0.
        Assert.Equal(0.553, fit.Model.R, 0.0005);
        Assert.Equal(10.578, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.606, fit.Model.S, 0.0005);
        Assert.Equal(11.669, fit.Model.Beta, 0.05);
        Assert.Equal(-9595.0, fit.Report.LogLikelihood, 0.05);
        Assert.True(fit.Report.Converged);
    }

    [Fact]
    public void PerCustomer_BtydWalkthrough_MatchesPublishedFigures()
    {
        // BTYD walkthrough (Dziurzynski et al.): with r = 0.5534, α = 10.5802, s = 0.6061, β = 11.6562, the customer
        // x = 26, tₓ = 30.86, T = 31 is alive with probability 0.9979 and expects 25.46 purchases in 52 weeks.
        var model = new ParetoNbdModel(0.5534, 10.5802, 0.6061, 11.6562);
        Assert.Equal(0.9979, model.ProbabilityAlive(26, 30.86, 31), 0.00005);
        // 25.455 here: the printed parameters are rounded (β sits on a flat ridge), hence lifetimes' tolerance of 0.01.
        Assert.Equal(25.46, model.ExpectedPurchases(52, 26, 30.86, 31), 0.01);
    }

    [Theory]
    [InlineData(1000, 10, 100)]
    [InlineData(133, 200, 200)]
    [InlineData(132, 200, 200)]
    [InlineData(400, 5, 6)]
    [InlineData(0, 0, 0.001)]
    public void PerCustomer_ExtremeHistories_FiniteAndSensible(int x, double tx, double t)
    {
        foreach (var model in new[] { new ParetoNbdModel(0.553, 10.578, 0.606, 11.669), new ParetoNbdModel(10.465, 7.98565181e-03, 3.0516, 2.820) })
        {
            double pAlive = model.ProbabilityAlive(x, tx, t);
            Assert.InRange(pAlive, 0, 1);
            double expected = model.ExpectedPurchases(10, x, tx, t);
            Assert.True(double.IsFinite(expected) && expected >= 0, $"E = {expected}");
            Assert.True(double.IsFinite(model.LogLikelihood(x, tx, t)));
        }
        var cdnow = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);
        if (x == 1000) Assert.True(cdnow.ProbabilityAlive(x, tx, t) < 1e-100);
        if (x is 132 or 133)
        {
            // Bought up to the end: alive, and one more past purchase changes the forecast a little (lifetimes' underflow case).
            Assert.Equal(1.0, cdnow.ProbabilityAlive(x, tx, t));
            Assert.InRange(cdnow.ExpectedPurchases(10, x, tx, t), 6.0, 6.4);
            Assert.True(Math.Abs(cdnow.ExpectedPurchases(10, 133, 200, 200) - cdnow.ExpectedPurchases(10, 132, 200, 200)) < 0.05);
        }
    }
}
