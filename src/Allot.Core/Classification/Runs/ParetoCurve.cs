namespace Allot.Core.Classification.Runs;

/// <summary>The Pareto curve of a book: cumulative revenue share against customer share, customers taken by
/// revenue, largest first (the 80/20 picture).</summary>
public static class ParetoCurve
{
    /// <summary>The curve at evenly spaced customer shares.</summary>
    /// <remarks>With n customers and m = min(n, <paramref name="maxPoints"/> − 1) steps, point k (0 ≤ k ≤ m) is at
    /// customer share k/m and holds the revenue share of the top round(k·n/m) customers (half away from zero). The
    /// first point is (0, 0), the last (1, 1). Revenue below zero (returns) and values that are not finite count as 0,
    /// so the curve never falls; when the total is 0 every revenue share is 0. No customers: the single point (0, 0).</remarks>
    /// <param name="revenue">Each customer's revenue, in any order.</param>
    /// <param name="maxPoints">Most points to return, at least 2 (default 101: every percent).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPoints"/> is below 2.</exception>
    public static IReadOnlyList<ParetoPoint> Of(IEnumerable<double> revenue, int maxPoints = 101)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        var sorted = revenue.Select(v => double.IsFinite(v) && v > 0 ? v : 0).OrderDescending().ToArray();
        int n = sorted.Length;
        if (n == 0) return [new ParetoPoint(0, 0)];
        var cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + sorted[i];
        double total = cumulative[n];
        int m = Math.Min(n, maxPoints - 1);
        var points = new ParetoPoint[m + 1];
        for (int k = 0; k <= m; k++)
        {
            int top = (int)Math.Round((double)k * n / m, MidpointRounding.AwayFromZero);
            points[k] = new ParetoPoint((double)k / m, total == 0 ? 0 : cumulative[top] / total);
        }
        return points;
    }
}
