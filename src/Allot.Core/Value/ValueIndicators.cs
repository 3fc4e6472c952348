using Allot.Core.Indicators;
using Allot.Core.Sales;

namespace Allot.Core.Value;

/// <summary>The value models' outputs as indicators schemes can read: <c>p_alive</c>, <c>exp_purchases_90d</c>,
/// <c>exp_spend</c>, <c>clv_12m</c>.</summary>
/// <remarks>Computed at the indicator table's as-of date: the orders up to it are the calibration period (weeks),
/// BG/NBD and Gamma-Gamma are fitted on them, and every customer is scored with the default
/// <see cref="ScoringOptions"/> (90 days; 12 months at 1 % a month; margin 1). Customers of the table without an
/// order by then get NaN.</remarks>
public static class ValueIndicators
{
    /// <summary>The indicator names, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["p_alive", "exp_purchases_90d", "exp_spend", "clv_12m"];

    /// <summary>True when any of <paramref name="indicators"/> is a value indicator.</summary>
    public static bool AnyIn(IEnumerable<string> indicators) => indicators.Any(i => Names.Contains(i, StringComparer.Ordinal));

    /// <summary>Fits the models on the orders up to the table's as-of date and returns the table with the four
    /// value indicators added, with the count model's fit report.</summary>
    /// <exception cref="ArgumentException">No order on or before the as-of date.</exception>
    public static (IndicatorTable Table, FitReport Fit) Compute(IndicatorTable table, IEnumerable<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(table);
        var summaries = CustomerSummaries.FromOrders(orders.Where(o => o.Date <= table.AsOf),
            new SummaryOptions { Unit = TimeUnit.Week, CalibrationEnd = table.AsOf });
        var result = ValueAnalysis.Run(summaries);
        return (AddTo(table, summaries, result.Scores), result.Fit);
    }

    /// <summary>Adds scores to a table, matching customers by key.</summary>
    public static IndicatorTable AddTo(IndicatorTable table, CustomerSummaries summaries, ValueScores scores)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = Names.ToDictionary(n => n, _ => Enumerable.Repeat(double.NaN, table.Count).ToArray(), StringComparer.Ordinal);
        for (int i = 0; i < summaries.Count; i++)
        {
            int row = table.RowOf(summaries.KeyArray[i]);
            if (row < 0) continue;
            columns["p_alive"][row] = scores.ProbabilityAlive[i];
            columns["exp_purchases_90d"][row] = scores.ExpectedPurchases[i];
            columns["exp_spend"][row] = scores.ExpectedSpend[i];
            columns["clv_12m"][row] = scores.Clv[i];
        }
        return table.WithNumbers(columns);
    }
}
