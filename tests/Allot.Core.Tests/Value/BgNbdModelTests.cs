using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class BgNbdModelTests
{
    [Fact]
    public void Fit_CdnowCalibration_MatchesFaderHardieLee2005()
    {
        var s = CdnowData.WeeklySummaries;
        var fit = BgNbdModel.Fit(s);
        // FHL (2005) table: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (printed precision).
        Assert.Equal(0.243, fit.Model.R, 0.0005);
        Assert.Equal(4.414, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.793, fit.Model.A, 0.0005);
        Assert.Equal(2.426, fit.Model.B, 0.0005);
        Assert.Equal(-9582.4, fit.Report.LogLikelihood, 0.05);
        Assert.True(fit.Report.Converged);
        Assert.Equal(2357, fit.Report.Customers);
        Assert.All(fit.Report.Parameters, p => Assert.InRange(p.StandardError, 1e-4, p.Value));
        // The summed likelihood agrees with the per-customer function.
        double sum = 0;
        for (int i = 0; i < s.Count; i++) sum += fit.Model.LogLikelihood(s.X[i], s.Tx[i], s.T[i]);
        Assert.Equal(sum, fit.Report.LogLikelihood, 1e-6);
    }

    [Fact]
    public void ExpectedPurchases_PublishedParameters_MatchHardieSpreadsheet()
    {
        // FHL's BG/NBD spreadsheet: customer with x = 2, tₓ = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks.
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        Assert.Equal(1.226, model.ExpectedPurchases(39, 2, 30.43, 38.86), 0.0005);
        // Unconditional: the tracking curve is increasing and starts at 0.
        Assert.Equal(0, model.ExpectedPurchasesNew(0));
        Assert.True(model.ExpectedPurchasesNew(78) > model.ExpectedPurchasesNew(39));
    }

    [Theory]
    [InlineData(1000, 10, 100)]
    [InlineData(133, 200, 200)]
    [InlineData(0, 0, 0.001)]
    [InlineData(1, 1e-9, 1e5)]
    public void PerCustomer_ExtremeHistories_FiniteAndSensible(int x, double tx, double t)
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        double pAlive = model.ProbabilityAlive(x, tx, t);
        Assert.InRange(pAlive, 0, 1);
        double expected = model.ExpectedPurchases(10, x, tx, t);
        Assert.True(double.IsFinite(expected) && expected >= 0, $"E = {expected}");
        Assert.True(double.IsFinite(model.LogLikelihood(x, tx, t)));
        double total = 0;
        for (int n = 0; n < 400; n++)
        {
            double pn = model.ProbabilityOfPurchases(n, 10, x, tx, t);
            Assert.InRange(pn, 0, 1);
            total += pn;
        }
        Assert.Equal(1.0, total, 6);
        if (x == 1000) Assert.True(pAlive < 1e-100 && expected < 1e-100); // 1000 purchases, then 90 silent weeks: gone
        if (x == 133)
        {
            // Bought up to the end: almost surely active, at about its own rate (133.2 / 204.4 per week).
            Assert.InRange(pAlive, 0.99, 1);
            Assert.InRange(expected, 5.5, 6.6);
        }
    }
}
