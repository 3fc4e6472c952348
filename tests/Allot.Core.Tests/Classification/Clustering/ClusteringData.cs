using Allot.Core.Classification.Clustering;
using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification.Clustering;

/// <summary>Synthetic indicator tables for clustering tests.</summary>
internal static class ClusteringData
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    /// <summary>Gaussian blobs in (x, y): blob b has sizes[b] rows around centres[b] with the given spread. Keys
    /// are "c0000".. in generation order; the returned array gives each row's blob, by key order.</summary>
    public static (IndicatorTable Table, int[] Blob) Blobs(ulong seed, int[] sizes, (double X, double Y)[] centres, double spread)
    {
        var rng = new SplitMix64(seed);
        var keys = new List<string>();
        var xs = new List<double>();
        var ys = new List<double>();
        var blob = new List<int>();
        for (int b = 0; b < sizes.Length; b++)
            for (int i = 0; i < sizes[b]; i++)
            {
                keys.Add($"c{keys.Count:D5}");
                xs.Add(centres[b].X + spread * rng.NextGaussian());
                ys.Add(centres[b].Y + spread * rng.NextGaussian());
                blob.Add(b);
            }
        // Keys are generated in ordinal order, so table rows keep generation order.
        return (Table(keys, xs.ToArray(), ys.ToArray()), blob.ToArray());
    }

    public static IndicatorTable Table(IReadOnlyList<string> keys, double[] x, double[] y) =>
        IndicatorTable.Create(AsOf, keys, new Dictionary<string, double[]> { ["x"] = x, ["y"] = y });

    public static KMeansOptions Options(int? k = null) => new() { Indicators = ["x", "y"], K = k, Seed = 7 };
}
