using System.Data.Common;
using Allot.Core.Customers;
using Allot.Core.Indicators;

namespace Allot.Storage.Postgres;

/// <summary>The indicators computed by the server: one GROUP BY per kind of record, each customer's sums
/// turned into indicators by <see cref="IndicatorCalculator.Compute(IndicatorSummaries, DateOnly)"/> with the
/// arithmetic streaming uses, so the numbers are the same to the last bit.</summary>
/// <remarks>Dates are ISO text, so date windows are text comparisons against cut-off dates worked out here;
/// only day differences cast to <c>date</c>. Money sums are exact (numeric) and become decimal before any
/// division, as in the streaming path.</remarks>
public sealed partial class PostgresStore : IIndicatorSource
{
    // What .NET counts as white space (string.IsNullOrWhiteSpace): a category of only these is blank.
    private static readonly string WhiteSpace = new(Enumerable.Range(0, 0x3001).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray());

    /// <inheritdoc />
    public IndicatorTable ComputeIndicators(DateOnly? asOf)
    {
        DateOnly date = asOf ?? Run(DefaultAsOf);
        string d = StoredRows.FormatDate(date);
        // A cut-off before the first representable date is "", below every date as text.
        string Ago(int days) => date.DayNumber >= days ? StoredRows.FormatDate(date.AddDays(-days)) : "";
        (string, object)[] window = [("asof", d), ("d90", Ago(90)), ("d180", Ago(180)), ("d365", Ago(365)), ("d730", Ago(730))];
        return IndicatorCalculator.Compute(new IndicatorSummaries
        {
            Customers = Stream("SELECT key, type, industry, region, city, channel, owner_rep, key_account FROM customers", r => new Customer
            {
                Key = r.GetString(0), Type = StoredRows.Text(r, 1), Industry = StoredRows.Text(r, 2), Region = StoredRows.Text(r, 3),
                City = StoredRows.Text(r, 4), Channel = StoredRows.Text(r, 5), OwnerRepKey = StoredRows.Text(r, 6), KeyAccount = r.GetInt64(7) != 0,
            }),
            Orders = Stream(OrdersSql, ReadOrderSummary, [.. window, ("ws", WhiteSpace)]),
            Receivables = Stream(ReceivablesSql, r => new ReceivableSummary
            {
                CustomerKey = r.GetString(0), Paid = Money(r, 1), PaidDays = Money(r, 2), PaidLate = Money(r, 3), Open = Money(r, 4),
                Overdue = Money(r, 5), OverdueDays = r.GetInt32(6),
            }, ("asof", d)),
            Engagement = Stream(EngagementSql, r => new EngagementSummary
            {
                CustomerKey = r.GetString(0), LastInteraction = StoredRows.DateOrNull(r, 1), Interactions365 = r.GetInt32(2), Interactions90 = r.GetInt32(3),
                SatisfactionSum = r.GetInt32(4), SatisfactionCount = r.GetInt32(5),
                SatisfactionLatest = r.IsDBNull(6) ? null : r.GetInt32(6), NpsLatest = r.IsDBNull(7) ? null : r.GetInt32(7),
            }, window),
        }, date);
    }

    private static DateOnly DefaultAsOf(Npgsql.NpgsqlConnection c)
    {
        using var cmd = Command(c, """
            SELECT COALESCE((SELECT max(order_date) FROM orders), (SELECT max(d) FROM (
                SELECT max(issue_date) AS d FROM invoices UNION ALL SELECT max(payment_date) FROM payments
                UNION ALL SELECT max(interaction_date) FROM interactions UNION ALL SELECT max(feedback_date) FROM feedback) AS latest))
            """);
        return cmd.ExecuteScalar() is string latest ? StoredRows.ParseDate(latest) : DateOnly.MinValue;
    }

    // One pass over the orders in (customer, date) order — the customer index gives the first key, an
    // incremental sort the second — with each order's previous date from a window: an order opens a purchase
    // day when its date differs from the previous one, and that day is a repurchase when the gap is ≤ 90 days.
    // Categories are distinct per customer, sorted within each (small) group. Windows: asOf − N < date ≤ asOf.
    // Measured at 1M orders against separate GROUP BYs for sums, days and categories: 1.9–3.0 s vs 3.3–4.3 s.
    // work_mem lets the groups sort in memory; the setting goes with the connection back to the pool, which
    // resets it.
    private const string OrdersSql = """
        SET work_mem = '256MB';
        SELECT customer_key,
               count(*)::int, min(order_date), max(order_date),
               (count(*) FILTER (WHERE previous IS DISTINCT FROM order_date))::int,
               (count(*) FILTER (WHERE previous <> order_date AND order_date::date - previous::date <= 90))::int,
               (count(DISTINCT category) FILTER (WHERE btrim(category, @ws) <> ''))::int,
               sum(amount),
               COALESCE(sum(amount) FILTER (WHERE order_date > @d365), 0),
               COALESCE(sum(amount) FILTER (WHERE order_date > @d180), 0),
               COALESCE(sum(amount) FILTER (WHERE order_date > @d90), 0),
               COALESCE(sum(amount) FILTER (WHERE order_date <= @d365 AND order_date > @d730), 0),
               (count(*) FILTER (WHERE order_date > @d365))::int,
               (count(*) FILTER (WHERE order_date > @d180))::int,
               (count(*) FILTER (WHERE order_date > @d90))::int,
               count(profit)::int,
               COALESCE(sum(profit), 0),
               COALESCE(sum(profit) FILTER (WHERE order_date > @d365), 0),
               COALESCE(sum(amount) FILTER (WHERE profit IS NOT NULL), 0)
        FROM (SELECT customer_key, order_date, amount, profit, category,
                     lag(order_date) OVER (PARTITION BY customer_key ORDER BY order_date) AS previous
              FROM orders WHERE order_date <= @asof) AS o
        GROUP BY customer_key
        """;

    private static OrderSummary ReadOrderSummary(DbDataReader r) => new()
    {
        CustomerKey = r.GetString(0), Orders = r.GetInt32(1), FirstDate = StoredRows.Date(r, 2), LastDate = StoredRows.Date(r, 3),
        PurchaseDays = r.GetInt32(4), RepurchaseDays = r.GetInt32(5), Categories = r.GetInt32(6),
        Amount = Money(r, 7), Amount365 = Money(r, 8), Amount180 = Money(r, 9), Amount90 = Money(r, 10), AmountPrev365 = Money(r, 11),
        Orders365 = r.GetInt32(12), Orders180 = r.GetInt32(13), Orders90 = r.GetInt32(14),
        ProfitOrders = r.GetInt32(15), Profit = Money(r, 16), Profit365 = Money(r, 17), ProfitBase = Money(r, 18),
    };

    // Invoices issued by as-of, with what was paid on each by then; open = amount − paid, never below zero.
    private const string ReceivablesSql = """
        WITH inv AS (SELECT key, customer_key, issue_date, due_date, amount FROM invoices WHERE issue_date <= @asof),
        paid AS (
            SELECT p.invoice_key, sum(p.amount) AS paid,
                   sum(p.amount::numeric * (p.payment_date::date - i.issue_date::date)) AS paid_days,
                   COALESCE(sum(p.amount) FILTER (WHERE p.payment_date > i.due_date), 0) AS paid_late
            FROM payments p JOIN inv i ON i.key = p.invoice_key
            WHERE p.payment_date <= @asof
            GROUP BY p.invoice_key),
        open AS (
            SELECT i.customer_key, i.due_date, COALESCE(paid.paid, 0) AS paid, COALESCE(paid.paid_days, 0) AS paid_days,
                   COALESCE(paid.paid_late, 0) AS paid_late, GREATEST(i.amount - COALESCE(paid.paid, 0), 0) AS open
            FROM inv i LEFT JOIN paid ON paid.invoice_key = i.key)
        SELECT customer_key, sum(paid), sum(paid_days), sum(paid_late), sum(open),
               COALESCE(sum(open) FILTER (WHERE due_date < @asof), 0),
               COALESCE(max(@asof::date - due_date::date) FILTER (WHERE due_date < @asof AND open > 0), 0)::int
        FROM open GROUP BY customer_key
        """;

    // Follow-ups and feedback by customer; the latest answer is the one with the latest date, then the greatest key.
    private const string EngagementSql = """
        SELECT customer_key, i.last_interaction, COALESCE(i.n365, 0), COALESCE(i.n90, 0),
               COALESCE(f.satisfaction_sum, 0), COALESCE(f.satisfaction_count, 0), f.satisfaction_latest, f.nps_latest
        FROM (SELECT customer_key, max(interaction_date) AS last_interaction,
                     (count(*) FILTER (WHERE interaction_date > @d365))::int AS n365,
                     (count(*) FILTER (WHERE interaction_date > @d90))::int AS n90
              FROM interactions WHERE interaction_date <= @asof GROUP BY customer_key) AS i
        FULL JOIN (
              SELECT customer_key, sum(satisfaction)::int AS satisfaction_sum, count(satisfaction)::int AS satisfaction_count,
                     ((array_agg(satisfaction ORDER BY feedback_date DESC, key DESC) FILTER (WHERE satisfaction IS NOT NULL))[1])::int AS satisfaction_latest,
                     ((array_agg(nps ORDER BY feedback_date DESC, key DESC) FILTER (WHERE nps IS NOT NULL))[1])::int AS nps_latest
              FROM feedback WHERE feedback_date <= @asof GROUP BY customer_key) AS f
        USING (customer_key)
        """;

    private static decimal Money(DbDataReader r, int i) => r.GetDecimal(i) / StoredMoney.Scale;
}
