namespace Allot.Core.Classification.Clustering;

/// <summary>The mean silhouette of a clustering: how much nearer each point is to its own cluster than to the
/// next one.</summary>
/// <remarks>For a point i: a = mean Euclidean distance to the other members of its cluster, b = the smallest
/// mean distance to the members of another cluster, s = (b − a) / max(a, b) (0 when both are 0). A point alone
/// in its cluster scores 0 (the usual convention, as in scikit-learn). The mean is over all points; NaN when
/// fewer than two clusters have members. Exact: costs n² distances.</remarks>
public static class Silhouette
{
    /// <summary>The mean silhouette of <paramref name="points"/> labelled 0..k−1 by <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, dimensions differ, or a label is negative.</exception>
    public static double Mean(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (points.Count != labels.Count) throw new ArgumentException($"{points.Count} points but {labels.Count} labels", nameof(labels));
        int n = points.Count;
        int d = n == 0 ? 0 : points[0].Count;
        var data = new double[n * d];
        var flat = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (points[i].Count != d) throw new ArgumentException($"point {i} has {points[i].Count} coordinates, not {d}", nameof(points));
            if (labels[i] < 0) throw new ArgumentException($"label {labels[i]} of point {i} is negative", nameof(labels));
            for (int j = 0; j < d; j++) data[i * d + j] = points[i][j];
            flat[i] = labels[i];
            k = Math.Max(k, labels[i] + 1);
        }
        return Mean(data, d, flat, k, Enumerable.Range(0, n).ToArray(), new ParallelOptions());
    }

    /// <summary>The mean silhouette over the rows <paramref name="rows"/> of a row-major matrix, distances taken
    /// among those rows only.</summary>
    /// <remarks>Per-point scores may be computed in parallel but are summed in row order, so the result does not
    /// depend on the thread count.</remarks>
    internal static double Mean(double[] data, int d, int[] labels, int k, int[] rows, ParallelOptions parallel)
    {
        int m = rows.Length;
        var present = new bool[k];
        foreach (int r in rows) present[labels[r]] = true;
        if (present.Count(p => p) < 2) return double.NaN;
        var scores = new double[m];
        Parallel.For(0, m, parallel, () => (Sums: new double[k], Counts: new int[k]), (a, _, buffers) =>
        {
            var (sums, counts) = buffers;
            Array.Clear(sums);
            Array.Clear(counts);
            int ri = rows[a];
            for (int b = 0; b < m; b++)
            {
                if (b == a) continue;
                int rj = rows[b];
                double squared = 0;
                for (int j = 0; j < d; j++)
                {
                    double diff = data[ri * d + j] - data[rj * d + j];
                    squared += diff * diff;
                }
                sums[labels[rj]] += Math.Sqrt(squared);
                counts[labels[rj]]++;
            }
            int own = labels[ri];
            if (counts[own] == 0) { scores[a] = 0; return buffers; }
            double inner = sums[own] / counts[own];
            double nearest = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
                if (c != own && counts[c] > 0) nearest = Math.Min(nearest, sums[c] / counts[c]);
            double max = Math.Max(inner, nearest);
            scores[a] = max > 0 ? (nearest - inner) / max : 0;
            return buffers;
        }, _ => { });
        double total = 0;
        foreach (double s in scores) total += s; // in row order, so thread count cannot change the rounding
        return total / m;
    }
}
