using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class BgNbdSimulationTests
{
    [Fact]
    public void Histories_FitRecoversTheParameters()
    {
        var truth = new BgNbdModel(0.25, 4.0, 0.8, 2.5);
        var (x, tx, t) = BgNbdSimulation.Histories(truth, 30_000, 27, 39, seed: 7);
        var fit = BgNbdModel.Fit(x, tx, t);
        double[] expected = [truth.R, truth.Alpha, truth.A, truth.B];
        for (int i = 0; i < 4; i++)
        {
            var p = fit.Report.Parameters[i];
            Assert.True(Math.Abs(p.Value - expected[i]) < 3.5 * p.StandardError, $"{p.Name}: {p.Value} ± {p.StandardError}, true {expected[i]}");
        }
    }

    [Fact]
    public void Purchases_SameSeed_SameOrders()
    {
        var options = new SimulationOptions { Customers = 500, Seed = 3 };
        var a = BgNbdSimulation.Purchases(new BgNbdModel(0.25, 4, 0.8, 2.5), new GammaGammaModel(6, 4, 15), options).ToList();
        var b = BgNbdSimulation.Purchases(new BgNbdModel(0.25, 4, 0.8, 2.5), new GammaGammaModel(6, 4, 15), options).ToList();
        Assert.Equal(a, b);
        Assert.Equal(500, a.Select(p => p.CustomerKey).Distinct().Count());
        Assert.Equal(["C000", "C499"], [a[0].CustomerKey, a[^1].CustomerKey]);
        Assert.All(a, p => Assert.InRange(p.Date, options.Start, options.End));
    }
}
