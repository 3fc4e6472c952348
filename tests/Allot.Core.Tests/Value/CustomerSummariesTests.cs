using System.Globalization;
using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class CustomerSummariesTests
{
    [Fact]
    public void FromPurchases_CdnowSample_ReproducesPublishedSummaryExactly()
    {
        var s = CdnowData.WeeklySummaries;
        var published = CdnowData.PublishedSummary();
        Assert.Equal(2357, s.Count);
        Assert.Equal(published.Count, s.Count);
        static string Two(double v) => Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
        var mismatches = new List<string>();
        foreach (var row in published)
        {
            // The published IDs are the sample ids without their zero padding.
            int i = s.RowOf(int.Parse(row[0], CultureInfo.InvariantCulture).ToString("0000", CultureInfo.InvariantCulture));
            Assert.True(i >= 0, $"customer {row[0]} missing");
            string ours = string.Join(',', row[0], s.X[i].ToString(CultureInfo.InvariantCulture), Two(s.Tx[i]), Two(s.T[i]), Two(s.MeanRepeatSpend[i]));
            if (ours != string.Join(',', row)) mismatches.Add($"{string.Join(',', row)} ≠ {ours}");
        }
        Assert.Empty(mismatches);
        Assert.Equal(946, s.X.Count(x => x > 0));
    }

    [Fact]
    public void FromPurchases_CdnowSample_HoldoutCountsAndTotals()
    {
        var s = CdnowData.WeeklySummaries;
        // Independent count: distinct (customer, day) pairs in the holdout period, straight from the file.
        var holdoutDays = CdnowData.Purchases().Where(p => p.Date > CdnowData.CalibrationEnd && p.Date <= CdnowData.HoldoutEnd)
            .Select(p => (p.CustomerKey, p.Date)).Distinct().Count();
        Assert.Equal(holdoutDays, s.HoldoutPurchases.Sum());
        Assert.Equal(39.0, s.HoldoutLength, 12);
        Assert.Equal(0, s.LaterCustomers);
        // Every repeat purchase day lands in the daily series: calibration x plus holdout purchases.
        Assert.Equal(s.X.Sum() + s.HoldoutPurchases.Sum(), s.RepeatPurchasesByDay.Sum());
        Assert.Equal(new DateOnly(1997, 1, 1), s.FirstDate);
        double dollars = (double)CdnowData.Purchases().Where(p => p.Date <= CdnowData.CalibrationEnd).Sum(p => p.Amount);
        Assert.Equal(dollars, s.CalibrationSpend.Sum(), 6);
    }

    [Fact]
    public void FromPurchases_SameDayOrders_MergeIntoOnePurchase()
    {
        var d = new DateOnly(2024, 1, 1);
        var s = CustomerSummaries.FromPurchases(
        [
            new Purchase("B", d, 10m), new Purchase("A", d, 5m), new Purchase("A", d.AddDays(7), 3m), new Purchase("A", d.AddDays(7), 4m),
            new Purchase("A", d.AddDays(21), 1m), new Purchase("A", d.AddDays(30), 100m), new Purchase("C", d.AddDays(40), 9m),
        ], new SummaryOptions { Unit = TimeUnit.Week, CalibrationEnd = d.AddDays(28) });
        Assert.Equal(["A", "B"], s.Keys);
        Assert.Equal(1, s.LaterCustomers);
        Assert.Equal((2, 3.0, 4.0), (s.X[0], s.Tx[0], s.T[0]));
        Assert.Equal(4.0, s.MeanRepeatSpend[0], 12); // (3 + 4 + 1) / 2 purchase days
        Assert.Equal(13.0, s.CalibrationSpend[0], 12);
        Assert.Equal((1, 100.0), (s.HoldoutPurchases[0], s.HoldoutSpend[0]));
        Assert.Equal((0, 0.0, 0.0), (s.X[1], s.Tx[1], s.MeanRepeatSpend[1]));
        Assert.Equal(d.AddDays(40), s.HoldoutEnd);
    }

    [Fact]
    public void FromPurchases_Periods_CountActivePeriodsForBgBb()
    {
        var d = new DateOnly(2024, 1, 1);
        // Weekly periods after the first purchase: days 1–7 are period 1, 8–14 period 2, …; 30 days give 4 whole periods.
        var s = CustomerSummaries.FromPurchases(
            [new Purchase("A", d, 1m), new Purchase("A", d.AddDays(3), 1m), new Purchase("A", d.AddDays(6), 1m), new Purchase("A", d.AddDays(22), 1m)],
            new SummaryOptions { Unit = TimeUnit.Week, CalibrationEnd = d.AddDays(30) });
        Assert.Equal((4, 2, 4), (s.Periods[0], s.ActivePeriods[0], s.LastActivePeriod[0]));
    }
}
