using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Indicators;
using Allot.Core.Receivables;
using Allot.Core.Sales;

namespace Allot.Core.Tests.Indicators;

/// <summary>A hand-built book small enough to check every indicator by hand; ages are days before <see cref="AsOf"/>.</summary>
internal static class TinyBook
{
    public static readonly DateOnly AsOf = new(2024, 6, 30);

    public static DateOnly Ago(int days) => AsOf.AddDays(-days);

    public static Order Order(string key, string customer, int age, decimal amount, decimal? profit = null, string? category = null) =>
        new() { Key = key, CustomerKey = customer, Date = Ago(age), Amount = amount, Profit = profit, Category = category };

    public static Customer[] Customers =>
    [
        new() { Key = "A", Type = "wholesale", Industry = "food", Region = "East", City = "Shanghai", Channel = "direct", OwnerRepKey = "R1", KeyAccount = true },
        new() { Key = "B", Type = "retail", City = "Beijing" },
    ];

    public static Order[] Orders =>
    [
        Order("o1", "A", 0, 100.10m, 20.02m, "Tea"),       // 2024-06-30
        Order("o2", "A", 0, 50.00m, null, "Tea"),          // same day, profit unknown
        Order("o3", "A", 90, 200.00m, 50.00m, "Coffee"),   // 2024-04-01: in 180, out of 90
        Order("o4", "A", 364, 300.00m, 60.00m, "Tea"),     // 2023-07-02: last day inside 365
        Order("o5", "A", 365, 400.00m, 80.00m, "Milk"),    // 2023-07-01: first day of the previous 365
        Order("o6", "A", 729, 25.00m, 5.00m, "Tea"),       // 2022-07-02: last day of the previous 365
        Order("o7", "A", 730, 1000.00m, 100.00m, null),    // 2022-07-01: before both windows
        Order("o8", "A", -1, 9999.00m, 1.00m, "Juice"),    // after as-of: ignored
        Order("c1", "C", 10, 12.3450m),                    // C is known only from this order
        Order("d1", "D", -3, 5.00m),                       // D only after as-of: not a row
    ];

    public static Invoice[] Invoices =>
    [
        new() { Key = "I1", CustomerKey = "A", IssueDate = Ago(100), DueDate = Ago(70), Amount = 1000m },
        new() { Key = "I2", CustomerKey = "A", IssueDate = Ago(20), DueDate = Ago(-10), Amount = 500m },
        new() { Key = "I3", CustomerKey = "A", IssueDate = Ago(50), DueDate = Ago(0), Amount = 200m },
        new() { Key = "I4", CustomerKey = "A", IssueDate = Ago(-5), DueDate = Ago(-30), Amount = 7777m },
    ];

    public static Payment[] Payments =>
    [
        new() { Key = "p1", InvoiceKey = "I1", Date = Ago(80), Amount = 600m },  // 20 days after issue, before due
        new() { Key = "p2", InvoiceKey = "I1", Date = Ago(60), Amount = 300m },  // 40 days after issue, 10 days late
        new() { Key = "p3", InvoiceKey = "I3", Date = Ago(5), Amount = 250m },   // 45 days after issue, overpays I3
        new() { Key = "p4", InvoiceKey = "I1", Date = Ago(-1), Amount = 100m },  // after as-of: ignored
        new() { Key = "p5", InvoiceKey = "I4", Date = Ago(-6), Amount = 7777m }, // invoice after as-of: ignored
        new() { Key = "p6", InvoiceKey = "nope", Date = Ago(1), Amount = 1m },   // unknown invoice: ignored
    ];

    public static Interaction[] Interactions =>
    [
        Touch("t1", "A", 3), Touch("t2", "A", 90), Touch("t3", "A", 364), Touch("t4", "A", 365), Touch("t5", "A", -2),
        Touch("t6", "E", 400),
    ];

    public static Feedback[] Feedback =>
    [
        new() { Key = "F1", CustomerKey = "A", Date = Ago(30), Satisfaction = 4, Nps = 8 },
        new() { Key = "F2", CustomerKey = "A", Date = Ago(10), Satisfaction = 2 },
        new() { Key = "F3", CustomerKey = "A", Date = Ago(10), Satisfaction = 5 },
        new() { Key = "F4", CustomerKey = "A", Date = Ago(-1), Satisfaction = 1, Nps = 0 },
    ];

    public static IndicatorInput Input => new()
    {
        Customers = Customers, Orders = Orders, Invoices = Invoices, Payments = Payments, Interactions = Interactions, Feedback = Feedback,
    };

    private static Interaction Touch(string key, string customer, int age) =>
        new() { Key = key, CustomerKey = customer, Date = Ago(age), Kind = InteractionKind.Call };

    /// <summary>One numeric cell.</summary>
    public static double Cell(this IndicatorTable table, string name, string customer)
    {
        int row = table.RowOf(customer);
        Assert.True(row >= 0, $"no row for {customer}");
        return table.Number(name)[row];
    }
}
