using Allot.Core.Indicators;
using Allot.Core.Sales;
using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class ValueIndicatorsTests
{
    [Fact]
    public void Compute_CdnowAtCalibrationEnd_AddsTheFourIndicators()
    {
        var orders = CdnowData.Purchases().Select((p, i) => new Order { Key = "O" + i, CustomerKey = p.CustomerKey, Date = p.Date, Amount = p.Amount }).ToList();
        var table = IndicatorCalculator.Compute(new IndicatorInput { Orders = orders }, CdnowData.CalibrationEnd);
        var (withValue, fit) = ValueIndicators.Compute(table, orders);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.05);
        foreach (string name in ValueIndicators.Names)
        {
            Assert.True(withValue.HasNumber(name));
            Assert.Equal(IndicatorKind.Value, IndicatorCatalog.Find(name)!.Kind);
        }
        var s = CdnowData.WeeklySummaries;
        var model = new BgNbdModel(fit["r"], fit["alpha"], fit["a"], fit["b"]);
        int row = withValue.RowOf("0001"), i = s.RowOf("0001");
        Assert.Equal(model.ProbabilityAlive(s.X[i], s.Tx[i], s.T[i]), withValue.Number("p_alive")[row], 12);
        Assert.Equal(model.ExpectedPurchases(90 / 7.0, s.X[i], s.Tx[i], s.T[i]), withValue.Number("exp_purchases_90d")[row], 12);
        Assert.Equal(table.Number("amount")[row], withValue.Number("amount")[row]);
        Assert.All(withValue.Number("clv_12m").ToArray(), v => Assert.True(v >= 0));
    }
}
