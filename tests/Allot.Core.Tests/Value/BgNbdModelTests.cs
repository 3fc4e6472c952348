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
}
