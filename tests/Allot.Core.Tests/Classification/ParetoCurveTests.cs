using Allot.Core.Classification.Runs;

namespace Allot.Core.Tests.Classification;

public sealed class ParetoCurveTests
{
    [Fact]
    public void Of_FourCustomers_GivesEveryCustomersCumulativeShare()
    {
        var curve = ParetoCurve.Of([10, 60, 0, 30]);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], curve.Select(p => p.CustomerShare));
        Assert.Equal([0, 0.6, 0.9, 1, 1], curve.Select(p => p.RevenueShare));
    }

    [Fact]
    public void Of_ManyCustomers_KeepsAtMost101PointsEndingAtOne()
    {
        var curve = ParetoCurve.Of(Enumerable.Range(1, 1000).Select(i => (double)i));
        Assert.Equal(101, curve.Count);
        Assert.Equal(new ParetoPoint(0, 0), curve[0]);
        Assert.Equal(new ParetoPoint(1, 1), curve[^1]);
        // The top 10 % (customers 901–1000) hold 95,050 of 500,500.
        Assert.Equal(95050.0 / 500500, curve[10].RevenueShare, 12);
    }

    [Fact]
    public void Of_NegativeAndMissingRevenue_CountAsZero_AndNoRevenueGivesAFlatCurve()
    {
        Assert.Equal([0, 1, 1], ParetoCurve.Of([-5, 5]).Select(p => p.RevenueShare));
        Assert.All(ParetoCurve.Of([0, double.NaN]), p => Assert.Equal(0, p.RevenueShare));
        Assert.Single(ParetoCurve.Of([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoCurve.Of([1], maxPoints: 1));
    }
}
