using Allot.Core.Indicators;

namespace Allot.Core.Classification;

/// <summary>One class of a classifier's result: how many customers, and what share of them and of revenue.</summary>
/// <param name="Class">The class.</param>
/// <param name="Customers">Customers in the class.</param>
/// <param name="CustomerShare">Customers / all customers classified.</param>
/// <param name="Revenue">Sum of the revenue indicator over the class (missing values count as 0).</param>
/// <param name="RevenueShare">Revenue / total revenue (0 when the total is 0).</param>
/// <param name="ProfitShare">Profit / total profit (0 when the total is 0 or the table has no profit indicator).</param>
/// <param name="Means">Mean of each requested indicator over the class's customers that have a value.</param>
public sealed record ClassSummary(string Class, int Customers, double CustomerShare, double Revenue, double RevenueShare,
    double ProfitShare, IReadOnlyDictionary<string, double> Means)
{
    /// <summary>Indicators whose means a summary shows by default.</summary>
    public static IReadOnlyList<string> DefaultMeans { get; } = ["amount", "orders", "recency_days", "avg_order_value", "margin"];

    /// <summary>Per-class counts and shares in the result's class order, then any class met but not listed, by
    /// name. These are the figures that say whether a scheme works (e.g. A holds 80 % of revenue).</summary>
    /// <param name="result">The classifier's result, in the table's row order.</param>
    /// <param name="table">The indicator table it was computed from.</param>
    /// <param name="revenueIndicator">The indicator that measures revenue (default <c>amount</c>).</param>
    /// <param name="profitIndicator">The indicator that measures profit (default <c>profit</c>; ignored when absent).</param>
    /// <param name="meanIndicators">Indicators to average per class (default <see cref="DefaultMeans"/>; absent ones skipped).</param>
    public static IReadOnlyList<ClassSummary> Of(ClassifierResult result, IndicatorTable table, string revenueIndicator = "amount",
        string profitIndicator = "profit", IReadOnlyList<string>? meanIndicators = null)
    {
        var revenue = table.Number(revenueIndicator);
        var profit = table.HasNumber(profitIndicator) ? table.Number(profitIndicator) : default;
        var means = (meanIndicators ?? DefaultMeans).Where(table.HasNumber).ToList();
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        double totalRevenue = 0, totalProfit = 0;
        for (int i = 0; i < result.Assignments.Count; i++)
        {
            totalRevenue += Finite(revenue[i]);
            if (!profit.IsEmpty) totalProfit += Finite(profit[i]);
            string c = result.ClassOf(i);
            if (!groups.TryGetValue(c, out var rows)) groups[c] = rows = [];
            rows.Add(i);
        }
        int n = result.Assignments.Count;
        var order = result.Classes.Where(groups.ContainsKey)
            .Concat(groups.Keys.Where(c => !result.Classes.Contains(c)).Order(StringComparer.Ordinal));
        var list = new List<ClassSummary>();
        foreach (string c in order)
        {
            var rows = groups[c];
            double rev = 0, prof = 0;
            foreach (int i in rows)
            {
                rev += Finite(revenue[i]);
                if (!profit.IsEmpty) prof += Finite(profit[i]);
            }
            var classMeans = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string name in means)
            {
                var column = table.Number(name);
                double sum = 0;
                int count = 0;
                foreach (int i in rows)
                    if (double.IsFinite(column[i])) { sum += column[i]; count++; }
                classMeans[name] = count == 0 ? double.NaN : sum / count;
            }
            list.Add(new ClassSummary(c, rows.Count, n == 0 ? 0 : (double)rows.Count / n, rev, totalRevenue == 0 ? 0 : rev / totalRevenue,
                totalProfit == 0 ? 0 : prof / totalProfit, classMeans));
        }
        return list;
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
