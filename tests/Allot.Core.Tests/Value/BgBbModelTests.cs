using System.Globalization;
using Allot.Core.Value;
using Allot.Tests.Shared;

namespace Allot.Core.Tests.Value;

public sealed class BgBbModelTests
{
    private static (int[] X, int[] Tx, int[] N, double[] W) Donations()
    {
        var rows = File.ReadAllLines(SharedData.File("cdnow", "donations.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return ([.. rows.Select(r => r[0])], [.. rows.Select(r => r[1])], [.. rows.Select(r => r[2])], [.. rows.Select(r => (double)r[3])]);
    }

    [Fact]
    public void Fit_Donations_MatchesFaderHardieShang2010()
    {
        var (x, tx, n, w) = Donations();
        var fit = BgBbModel.Fit(x, tx, n, w);
        // FHS (2010): α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6.
        Assert.Equal(11104, fit.Report.Customers);
        Assert.Equal(1.204, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.750, fit.Model.Beta, 0.0005);
        Assert.Equal(0.657, fit.Model.Gamma, 0.0005);
        Assert.Equal(2.783, fit.Model.Delta, 0.0005);
        Assert.Equal(-33225.6, fit.Report.LogLikelihood, 0.05);
        Assert.True(fit.Report.Converged);
    }

    [Fact]
    public void Predictions_PublishedParameters_MatchPaperAndSpreadsheet()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        // FHS (2010) table 6, P(alive in 2002): no repeat 0.11, 2 repeats last in 1999 0.59, 6 repeats 0.93.
        Assert.Equal(0.11, model.ProbabilityAlive(0, 0, 6), 0.005);
        Assert.Equal(0.59, model.ProbabilityAlive(2, 4, 6), 0.005);
        Assert.Equal(0.93, model.ProbabilityAlive(6, 6, 6), 0.005);
        // Hardie's BG/BB spreadsheet (unrounded estimates): expected donations 2002–2006 summed over the cohort
        // 12,884.2; in-sample counts of donors with 0 and 6 repeat donations 3,454.9 and 1,253.1.
        var (x, tx, n, w) = Donations();
        model = BgBbModel.Fit(x, tx, n, w).Model;
        double total = 0;
        for (int i = 0; i < x.Length; i++) total += w[i] * model.ExpectedTransactions(5, x[i], tx[i], n[i]);
        Assert.Equal(12884.2, total, 0.5);
        Assert.Equal(3454.9, 11104 * model.ProbabilityOfTransactions(0, 6), 0.5);
        Assert.Equal(1253.1, 11104 * model.ProbabilityOfTransactions(6, 6), 0.5);
        Assert.Equal(1.0, Enumerable.Range(0, 7).Sum(k => model.ProbabilityOfTransactions(k, 6)), 12);
    }
}
