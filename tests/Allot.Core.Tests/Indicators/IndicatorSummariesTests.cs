using Allot.Core.Indicators;
using Allot.Tests.Shared;

namespace Allot.Core.Tests.Indicators;

/// <summary>Indicators from per-customer sums (as a database's GROUP BY makes them) equal those from streaming
/// the records: the sums here are made with plain LINQ, the way the SQL makes them.</summary>
public sealed class IndicatorSummariesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    [InlineData(400)]
    public void Compute_SummariesOfTinyBook_SameTableAsStreaming(int daysEarlier)
    {
        var asOf = TinyBook.AsOf.AddDays(-daysEarlier);
        IndicatorTables.AssertSame(IndicatorCalculator.Compute(TinyBook.Input, asOf), IndicatorCalculator.Compute(Summarize(TinyBook.Input, asOf), asOf));
    }

    [Fact]
    public void Compute_EmptySummaries_EmptyTable()
    {
        var table = IndicatorCalculator.Compute(new IndicatorSummaries(), TinyBook.AsOf);
        Assert.Equal(0, table.Count);
        Assert.Equal(TinyBook.AsOf, table.AsOf);
    }

    /// <summary>Per-customer sums of records dated on or before as-of, made the way a GROUP BY makes them.</summary>
    internal static IndicatorSummaries Summarize(IndicatorInput input, DateOnly asOf)
    {
        int day = asOf.DayNumber;
        var orders = input.Orders.Where(o => o.Date <= asOf).GroupBy(o => o.CustomerKey).Select(g =>
        {
            var days = g.Select(o => o.Date.DayNumber).Distinct().Order().ToList();
            bool In(int window, DateOnly d) => day - d.DayNumber < window;
            var profited = g.Where(o => o.Profit is not null).ToList();
            return new OrderSummary
            {
                CustomerKey = g.Key, Orders = g.Count(), FirstDate = g.Min(o => o.Date), LastDate = g.Max(o => o.Date),
                PurchaseDays = days.Count, RepurchaseDays = days.Zip(days.Skip(1)).Count(p => p.Second - p.First <= 90),
                Categories = g.Where(o => !string.IsNullOrWhiteSpace(o.Category)).Select(o => o.Category).Distinct(StringComparer.Ordinal).Count(),
                Amount = g.Sum(o => o.Amount), Amount365 = g.Where(o => In(365, o.Date)).Sum(o => o.Amount),
                Amount180 = g.Where(o => In(180, o.Date)).Sum(o => o.Amount), Amount90 = g.Where(o => In(90, o.Date)).Sum(o => o.Amount),
                AmountPrev365 = g.Where(o => !In(365, o.Date) && In(730, o.Date)).Sum(o => o.Amount),
                Orders365 = g.Count(o => In(365, o.Date)), Orders180 = g.Count(o => In(180, o.Date)), Orders90 = g.Count(o => In(90, o.Date)),
                ProfitOrders = profited.Count, Profit = profited.Sum(o => o.Profit!.Value),
                Profit365 = profited.Where(o => In(365, o.Date)).Sum(o => o.Profit!.Value), ProfitBase = profited.Sum(o => o.Amount),
            };
        }).ToList();

        var invoices = input.Invoices.Where(i => i.IssueDate <= asOf).ToDictionary(i => i.Key);
        var paid = input.Payments.Where(p => p.Date <= asOf && invoices.ContainsKey(p.InvoiceKey)).GroupBy(p => p.InvoiceKey)
            .ToDictionary(g => g.Key, g => g.ToList());
        var receivables = invoices.Values.GroupBy(i => i.CustomerKey).Select(g =>
        {
            var payments = g.SelectMany(i => paid.GetValueOrDefault(i.Key, []).Select(p => (Invoice: i, Payment: p))).ToList();
            decimal Open(Receivables.Invoice i) => Math.Max(i.Amount - paid.GetValueOrDefault(i.Key, []).Sum(p => p.Amount), 0m);
            return new ReceivableSummary
            {
                CustomerKey = g.Key, Paid = payments.Sum(x => x.Payment.Amount),
                PaidDays = payments.Sum(x => x.Payment.Amount * (x.Payment.Date.DayNumber - x.Invoice.IssueDate.DayNumber)),
                PaidLate = payments.Where(x => x.Payment.Date > x.Invoice.DueDate).Sum(x => x.Payment.Amount),
                Open = g.Sum(Open), Overdue = g.Where(i => i.DueDate < asOf).Sum(Open),
                OverdueDays = g.Where(i => i.DueDate < asOf && Open(i) > 0).Select(i => day - i.DueDate.DayNumber).DefaultIfEmpty(0).Max(),
            };
        }).ToList();

        var touches = input.Interactions.Where(x => x.Date <= asOf).GroupBy(x => x.CustomerKey).ToDictionary(g => g.Key, g => g.ToList());
        var answers = input.Feedback.Where(f => f.Date <= asOf).GroupBy(f => f.CustomerKey).ToDictionary(g => g.Key, g => g.ToList());
        var engagement = touches.Keys.Union(answers.Keys).Select(key =>
        {
            var t = touches.GetValueOrDefault(key, []);
            var f = answers.GetValueOrDefault(key, []).OrderByDescending(x => x.Date).ThenByDescending(x => x.Key, StringComparer.Ordinal).ToList();
            return new EngagementSummary
            {
                CustomerKey = key, LastInteraction = t.Count == 0 ? null : t.Max(x => x.Date),
                Interactions365 = t.Count(x => day - x.Date.DayNumber < 365), Interactions90 = t.Count(x => day - x.Date.DayNumber < 90),
                SatisfactionSum = f.Sum(x => x.Satisfaction ?? 0), SatisfactionCount = f.Count(x => x.Satisfaction is not null),
                SatisfactionLatest = f.FirstOrDefault(x => x.Satisfaction is not null)?.Satisfaction, NpsLatest = f.FirstOrDefault(x => x.Nps is not null)?.Nps,
            };
        }).ToList();
        return new IndicatorSummaries { Customers = input.Customers, Orders = orders, Receivables = receivables, Engagement = engagement };
    }
}
