using Allot.Core.Indicators;

namespace Allot.Core.Classification;

/// <summary>One class of a classifier's result: how many customers, and what share of them and of revenue.</summary>
/// <param name="Class">The class.</param>
/// <param name="Customers">Customers in the class.</param>
/// <param name="CustomerShare">Customers / all customers classified.</param>
/// <param name="Revenue">Sum of the revenue indicator over the class (missing values count as 0).</param>
/// <param name="RevenueShare">Revenue / total revenue (0 when the total is 0).</param>
public sealed record ClassSummary(string Class, int Customers, double CustomerShare, double Revenue, double RevenueShare)
{
    /// <summary>Per-class counts and shares in the result's class order, then any class met but not listed, by
    /// name. These are the figures that say whether a scheme works (e.g. A holds 80 % of revenue).</summary>
    /// <param name="result">The classifier's result, in the table's row order.</param>
    /// <param name="table">The indicator table it was computed from.</param>
    /// <param name="revenueIndicator">The indicator that measures revenue (default <c>amount</c>).</param>
    public static IReadOnlyList<ClassSummary> Of(ClassifierResult result, IndicatorTable table, string revenueIndicator = "amount")
    {
        var revenue = table.Number(revenueIndicator);
        var counts = new Dictionary<string, (int Count, double Revenue)>(StringComparer.Ordinal);
        double total = 0;
        for (int i = 0; i < result.Assignments.Count; i++)
        {
            double r = double.IsFinite(revenue[i]) ? revenue[i] : 0;
            total += r;
            string c = result.Assignments[i].Class;
            counts[c] = counts.TryGetValue(c, out var a) ? (a.Count + 1, a.Revenue + r) : (1, r);
        }
        int n = result.Assignments.Count;
        var order = result.Classes.Where(counts.ContainsKey)
            .Concat(counts.Keys.Where(c => !result.Classes.Contains(c)).Order(StringComparer.Ordinal));
        return [.. order.Select(c => new ClassSummary(c, counts[c].Count, n == 0 ? 0 : (double)counts[c].Count / n,
            counts[c].Revenue, total == 0 ? 0 : counts[c].Revenue / total))];
    }
}
