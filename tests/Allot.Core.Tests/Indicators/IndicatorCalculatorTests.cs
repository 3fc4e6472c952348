using Allot.Core.Indicators;
using Allot.Core.Sales;
using static Allot.Core.Tests.Indicators.TinyBook;

namespace Allot.Core.Tests.Indicators;

public sealed class IndicatorCalculatorTests
{
    private const int Digits = 9;

    [Fact]
    public void Compute_TinyBook_TransactionIndicatorsMatchHand()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);

        // A's orders up to as-of sit at ages 0, 0, 90, 364, 365, 729, 730 days (o8 is after as-of).
        Assert.Equal(730, t.Cell("first_order_days", "A"));
        Assert.Equal(730, t.Cell("tenure_days", "A"));
        Assert.Equal(0, t.Cell("recency_days", "A"));
        Assert.Equal(7, t.Cell("orders", "A"));
        Assert.Equal(6, t.Cell("purchase_days", "A"));                            // two orders share 2024-06-30
        Assert.Equal(7 / (730 / 30.4375), t.Cell("orders_per_month", "A"), Digits); // 730 days = 23.98 months
        // 100.10 + 50 + 200 + 300 + 400 + 25 + 1000
        Assert.Equal(2075.10, t.Cell("amount", "A"), Digits);
        // 20.02 + 50 + 60 + 80 + 5 + 100; o2 has no profit
        Assert.Equal(315.02, t.Cell("profit", "A"), Digits);
        // ages < 365: 100.10 + 50 + 200 + 300; < 180: 100.10 + 50 + 200; < 90: 100.10 + 50
        Assert.Equal(650.10, t.Cell("amount_365", "A"), Digits);
        Assert.Equal(350.10, t.Cell("amount_180", "A"), Digits);
        Assert.Equal(150.10, t.Cell("amount_90", "A"), Digits);
        Assert.Equal(130.02, t.Cell("profit_365", "A"), Digits);                  // 20.02 + 50 + 60
        Assert.Equal(4, t.Cell("orders_365", "A"));
        Assert.Equal(3, t.Cell("orders_180", "A"));
        Assert.Equal(2, t.Cell("orders_90", "A"));
        // profit over the amount of orders with a known profit: 315.02 / (2075.10 − 50)
        Assert.Equal(315.02 / 2025.10, t.Cell("margin", "A"), Digits);
        Assert.Equal(2075.10 / 7, t.Cell("avg_order_value", "A"), Digits);
        Assert.Equal(3, t.Cell("category_breadth", "A"));                        // Tea, Coffee, Milk; Juice is after as-of
        Assert.Equal(425.00, t.Cell("amount_prev_365", "A"), Digits);             // ages 365 and 729: 400 + 25
        Assert.Equal((650.10 - 425) / 425, t.Cell("growth_365", "A"), Digits);
        // purchase days at ages 730, 729, 365, 364, 90, 0: gaps 1, 364, 1, 274, 90 → 3 of 5 within 90 days
        Assert.Equal(0.6, t.Cell("repurchase_rate", "A"), Digits);
    }

    [Fact]
    public void Compute_TinyBook_FinancialIndicatorsMatchHand()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);

        // paid 600 after 20 days, 300 after 40, 250 after 45: (12000 + 12000 + 11250) / 1150
        Assert.Equal(35250.0 / 1150, t.Cell("collection_days", "A"), Digits);
        // I1 1000 − 900 = 100 open; I2 500 open; I3 overpaid counts 0; I4 is issued after as-of
        Assert.Equal(600, t.Cell("open_receivables", "A"), Digits);
        // only I1 is past due (by 70 days); I3 is due on as-of and I2 later
        Assert.Equal(100, t.Cell("overdue_amount", "A"), Digits);
        Assert.Equal(70, t.Cell("overdue_days", "A"));
        Assert.Equal(300.0 / 1150, t.Cell("late_paid_share", "A"), Digits);
        Assert.True(double.IsNaN(t.Cell("collection_days", "B")));
        Assert.Equal(0, t.Cell("open_receivables", "B"));
    }

    [Fact]
    public void Compute_TinyBook_EngagementIndicatorsMatchHand()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);

        // interactions at ages 3, 90, 364, 365 (age −2 is after as-of)
        Assert.Equal(3, t.Cell("days_since_interaction", "A"));
        Assert.Equal(3, t.Cell("interactions_365", "A"));   // 3, 90, 364
        Assert.Equal(1, t.Cell("interactions_90", "A"));    // 3 only: 90 days before is outside
        // F2 and F3 share a date; the greater key F3 (5) is the latest. F4 is after as-of.
        Assert.Equal(5, t.Cell("satisfaction_latest", "A"));
        Assert.Equal(11.0 / 3, t.Cell("satisfaction_avg", "A"), Digits); // (4 + 2 + 5) / 3
        Assert.Equal(8, t.Cell("nps_latest", "A"));
        Assert.Equal(400, t.Cell("days_since_interaction", "E"));
        Assert.Equal(0, t.Cell("interactions_365", "E"));
        Assert.True(double.IsNaN(t.Cell("satisfaction_avg", "B")));
    }

    [Fact]
    public void Compute_TinyBook_CharacteristicsFromRecords()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);
        int a = t.RowOf("A"), b = t.RowOf("B"), c = t.RowOf("C");

        Assert.Equal(["wholesale", "food", "East", "Shanghai", "direct", "R1"],
            new[] { "type", "industry", "region", "city", "channel", "owner" }.Select(n => t.Text(n)[a]));
        Assert.Equal("Beijing", t.Text("city")[b]);
        Assert.Null(t.Text("industry")[b]);
        Assert.Equal(1, t.Number("key_account")[a]);
        Assert.Equal(0, t.Number("key_account")[b]);
        Assert.Null(t.Text("type")[c]);                      // C has no record
        Assert.True(double.IsNaN(t.Number("key_account")[c]));
    }

    [Fact]
    public void Compute_CustomerWithoutOrders_NaNRecencyZeroAmounts()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);

        foreach (var name in new[] { "recency_days", "first_order_days", "tenure_days", "avg_order_value", "margin", "growth_365", "repurchase_rate" })
            Assert.True(double.IsNaN(t.Cell(name, "B")), name);
        foreach (var name in new[] { "orders", "amount", "amount_365", "amount_90", "profit", "orders_per_month", "purchase_days", "category_breadth" })
            Assert.Equal(0, t.Cell(name, "B"));
    }

    [Fact]
    public void Compute_CustomersOnlyInActivity_IncludedAfterAsOfNot()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);

        Assert.Equal(["A", "B", "C", "E"], t.CustomerKeys);
        Assert.Equal(12.345, t.Cell("amount", "C"), Digits);
        Assert.Equal(10, t.Cell("recency_days", "C"));
        Assert.Equal(1, t.Cell("orders_per_month", "C"));            // 10 days of tenure count as one month
        Assert.True(double.IsNaN(t.Cell("profit", "C")));           // orders, but no profit known
        Assert.True(double.IsNaN(t.Cell("repurchase_rate", "C")));   // one purchase day
    }

    [Fact]
    public void Compute_OrderExactly365DaysBefore_OutOfWindow364In()
    {
        var asOf = new DateOnly(2024, 6, 30);
        var t = IndicatorCalculator.Compute(new IndicatorInput
        {
            Orders =
            [
                new Order { Key = "in", CustomerKey = "X", Date = new DateOnly(2023, 7, 2), Amount = 1m },   // 364 days before
                new Order { Key = "out", CustomerKey = "X", Date = new DateOnly(2023, 7, 1), Amount = 10m }, // 365 days before
                new Order { Key = "in90", CustomerKey = "Y", Date = new DateOnly(2024, 4, 2), Amount = 2m }, // 89 days before
                new Order { Key = "out90", CustomerKey = "Y", Date = new DateOnly(2024, 4, 1), Amount = 20m }, // 90 days before
            ],
        }, asOf);

        Assert.Equal(1, t.Cell("amount_365", "X"));
        Assert.Equal(10, t.Cell("amount_prev_365", "X"));
        Assert.Equal(1, t.Cell("orders_365", "X"));
        Assert.Equal(2, t.Cell("amount_90", "Y"));
        Assert.Equal(22, t.Cell("amount_180", "Y"));
    }

    [Fact]
    public void Compute_DataAfterAsOf_SameTableAsWithout()
    {
        var withLater = IndicatorCalculator.Compute(Input, AsOf);
        var without = IndicatorCalculator.Compute(new IndicatorInput
        {
            Customers = TinyBook.Customers,
            Orders = Orders.Where(o => o.Date <= AsOf).ToArray(),
            Invoices = Invoices.Where(i => i.IssueDate <= AsOf).ToArray(),
            Payments = Payments.Where(p => p.Date <= AsOf).ToArray(),
            Interactions = Interactions.Where(i => i.Date <= AsOf).ToArray(),
            Feedback = Feedback.Where(f => f.Date <= AsOf).ToArray(),
        }, AsOf);

        AssertSameTable(without, withLater);
    }

    [Fact]
    public void Compute_NoAsOf_LatestOrderDate()
    {
        var input = Input with { Orders = Orders.Where(o => o.Date <= AsOf.AddDays(-10)).ToArray() };

        var t = IndicatorCalculator.Compute(input);

        Assert.Equal(AsOf.AddDays(-10), t.AsOf);                  // C's order is the latest left
        Assert.Equal(0, t.Cell("recency_days", "C"));
    }

    [Fact]
    public void Compute_AsOfGiven_OrdersEnumeratedOnce()
    {
        var stream = new OnceEnumerable<Order>(Orders);

        var t = IndicatorCalculator.Compute(Input with { Orders = stream }, AsOf);

        Assert.Equal(1, stream.Enumerations);
        Assert.Equal(7, t.Cell("orders", "A"));
    }

    [Fact]
    public void Compute_SameInputTwice_IdenticalColumns()
    {
        AssertSameTable(IndicatorCalculator.Compute(Input, AsOf), IndicatorCalculator.Compute(Input, AsOf));
    }

    [Fact]
    public void Compute_ShuffledInput_IdenticalTable()
    {
        var random = new Random(7);
        T[] Shuffle<T>(T[] items) { var copy = items.ToArray(); random.Shuffle(copy); return copy; }
        var expected = IndicatorCalculator.Compute(Input, AsOf);

        for (int round = 0; round < 20; round++)
        {
            var shuffled = new IndicatorInput
            {
                Customers = Shuffle(TinyBook.Customers), Orders = Shuffle(Orders), Invoices = Shuffle(Invoices),
                Payments = Shuffle(Payments), Interactions = Shuffle(Interactions), Feedback = Shuffle(Feedback),
            };
            AssertSameTable(expected, IndicatorCalculator.Compute(shuffled, AsOf));
        }
    }

    [Fact]
    public void Compute_MoreThan64Categories_AllCounted()
    {
        var orders = Enumerable.Range(0, 70).Select(i => Order($"o{i}", "A", i, 1m, category: $"cat{i}"))
            .Append(Order("again", "A", 0, 1m, category: "cat69")).ToArray();

        var t = IndicatorCalculator.Compute(new IndicatorInput { Orders = orders }, AsOf);

        Assert.Equal(70, t.Cell("category_breadth", "A"));
    }

    [Fact]
    public void Compute_AnyInput_ColumnsMatchCatalog()
    {
        var t = IndicatorCalculator.Compute(Input, AsOf);

        Assert.Equal(IndicatorCatalog.All.Where(d => !d.IsText && d.Kind != IndicatorKind.Value).Select(d => d.Name).Order(StringComparer.Ordinal), t.NumberNames);
        Assert.Equal(IndicatorCatalog.All.Where(d => d.IsText).Select(d => d.Name).Order(StringComparer.Ordinal), t.TextNames);
    }

    internal static void AssertSameTable(IndicatorTable expected, IndicatorTable actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.CustomerKeys, actual.CustomerKeys);
        Assert.Equal(expected.NumberNames, actual.NumberNames);
        Assert.Equal(expected.TextNames, actual.TextNames);
        foreach (var name in expected.NumberNames)
            Assert.True(expected.Number(name).SequenceEqual(actual.Number(name)), name);
        foreach (var name in expected.TextNames)
            Assert.Equal(expected.Text(name), actual.Text(name));
    }
}
