using System.Globalization;
using Allot.Core.Indicators;
using Allot.Core.Sales;

namespace Allot.Core.Tests.Indicators;

/// <summary>The UCI Online Retail set (one row per invoice) against figures computed independently with LINQ.</summary>
public sealed class OnlineRetailTests
{
    private static readonly Lazy<Order[]> Orders = new(Read);

    private static Order[] Read()
    {
        string path = Path.Combine(Allot.Tests.Shared.SharedData.DataFolder, "online-retail", "online_retail.csv");
        // InvoiceNo,InvoiceDate,CustomerID,TotalPrice — no quoting in this file, so a plain split is enough.
        return File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Order
        {
            Key = f[0],
            CustomerKey = f[2],
            Date = DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Amount = decimal.Parse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture),
        }).ToArray();
    }

    private static IndicatorTable Compute() => IndicatorCalculator.Compute(new IndicatorInput { Orders = Orders.Value });

    [Fact]
    public void Compute_OnlineRetail_AsOfLatestInvoiceAndAllCustomers()
    {
        var t = Compute();

        Assert.Equal(18_532, Orders.Value.Length);
        Assert.Equal(new DateOnly(2011, 12, 9), t.AsOf);
        Assert.Equal(4_338, t.Count);
    }

    [Fact]
    public void Compute_OnlineRetail_TotalAmountToTheCent()
    {
        var t = Compute();

        // Per-customer decimal sums summed again as decimal so the total itself is exact.
        decimal total = 0;
        foreach (double amount in t.Number("amount")) total += (decimal)amount;
        Assert.Equal(8_911_407.90m, Math.Round(total, 2));
    }

    [Theory]
    [InlineData("12346", 1, 325, 77183.60)]
    [InlineData("17850", 34, 372, 5391.21)]
    [InlineData("14646", 73, 1, 280206.02)]
    [InlineData("18102", 60, 0, 259657.30)]
    public void Compute_OnlineRetail_KnownCustomers(string customer, int orders, int recency, double amount)
    {
        var t = Compute();

        Assert.Equal(orders, t.Cell("orders", customer));
        Assert.Equal(recency, t.Cell("recency_days", customer));
        Assert.Equal(amount, Math.Round(t.Cell("amount", customer), 2));
    }

    [Fact]
    public void Compute_OnlineRetail_EveryCustomerMatchesLinq()
    {
        var asOf = new DateOnly(2011, 12, 9);
        var expected = Orders.Value.GroupBy(o => o.CustomerKey).ToDictionary(g => g.Key, g => (
            Orders: g.Count(),
            Recency: asOf.DayNumber - g.Max(o => o.Date).DayNumber,
            Amount: (double)g.Sum(o => o.Amount),
            Amount90: (double)g.Where(o => o.Date > asOf.AddDays(-90)).Sum(o => o.Amount),
            PurchaseDays: g.Select(o => o.Date).Distinct().Count()));

        var t = Compute();

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), t.CustomerKeys);
        var orders = t.Number("orders").ToArray();
        var recency = t.Number("recency_days").ToArray();
        var amount = t.Number("amount").ToArray();
        var amount90 = t.Number("amount_90").ToArray();
        var purchaseDays = t.Number("purchase_days").ToArray();
        for (int row = 0; row < t.Count; row++)
        {
            var e = expected[t.CustomerKeys[row]];
            Assert.Equal((e.Orders, e.Recency, e.PurchaseDays), ((int)orders[row], (int)recency[row], (int)purchaseDays[row]));
            Assert.Equal(e.Amount, amount[row], 6);
            Assert.Equal(e.Amount90, amount90[row], 6);
        }
    }
}
