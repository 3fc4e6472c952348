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
}
