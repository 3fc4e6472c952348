using Allot.Core.Indicators;
using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<ClassSummary> Of(ClassifierResult result, IndicatorTable table, string revenueIndicator = "amount",
        string profitIndicator = "profit", IReadOnlyList<string>? meanIndicators = null)
    {
        var revenue = table.Number(revenueIndicator);
        var profit = table.HasNumber(profitIndicator) ? table.Number(profitIndicator) : default;
        var means = (meanIndicators ?? DefaultMeans).Where(table.HasNumber).ToList();
        var columns = means.Select(table.Column).ToArray();
        int n = result.Assignments.Count;

        // One pass over the rows: each row's class as a number (class strings are mostly shared instances, so they
        // are matched by reference first), and per class its count and sums. Each class's sums add its rows in row
        // order, as summing the class's rows one class at a time would.
        var idByInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var idByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var counts = new List<int>();
        var revenues = new List<double>();
        var profits = new List<double>();
        var sums = new List<double[]>();
        var present = new List<int[]>();
        double totalRevenue = 0, totalProfit = 0;
        for (int i = 0; i < n; i++)
        {
            totalRevenue += Finite(revenue[i]);
            if (!profit.IsEmpty) totalProfit += Finite(profit[i]);
            string c = result.ClassOf(i);
            if (!idByInstance.TryGetValue(c, out int id))
            {
                if (!idByName.TryGetValue(c, out id))
                {
                    idByName[c] = id = names.Count;
                    names.Add(c);
                    counts.Add(0);
                    revenues.Add(0);
                    profits.Add(0);
                    sums.Add(new double[columns.Length]);
                    present.Add(new int[columns.Length]);
                }
                if (idByInstance.Count < 4096) idByInstance[c] = id; // not every row's own string (rules may make them)
            }
            counts[id]++;
            revenues[id] += Finite(revenue[i]);
            if (!profit.IsEmpty) profits[id] += Finite(profit[i]);
            var classSums = sums[id];
            var classPresent = present[id];
            for (int k = 0; k < columns.Length; k++)
            {
                double v = columns[k][i];
                if (!double.IsFinite(v)) continue;
                classSums[k] += v;
                classPresent[k]++;
            }
        }
        var order = result.Classes.Where(idByName.ContainsKey)
            .Concat(idByName.Keys.Where(c => !result.Classes.Contains(c)).Order(StringComparer.Ordinal));
        var list = new List<ClassSummary>();
        foreach (string c in order)
        {
            int id = idByName[c];
            var classMeans = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int k = 0; k < columns.Length; k++)
                classMeans[means[k]] = present[id][k] == 0 ? double.NaN : sums[id][k] / present[id][k];
            list.Add(new ClassSummary(c, counts[id], n == 0 ? 0 : (double)counts[id] / n, revenues[id], totalRevenue == 0 ? 0 : revenues[id] / totalRevenue,
                totalProfit == 0 ? 0 : profits[id] / totalProfit, classMeans));
        }
        return list;
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
