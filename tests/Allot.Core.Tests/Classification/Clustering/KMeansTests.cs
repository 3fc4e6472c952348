using System.Text.RegularExpressions;
using Allot.Core.Classification.Clustering;
using Allot.Core.Indicators;
using static Allot.Core.Tests.Classification.Clustering.ClusteringData;

namespace Allot.Core.Tests.Classification.Clustering;

public sealed class KMeansTests
{
    private static readonly (double, double)[] ThreeCentres = [(0, 0), (10, 0), (0, 10)];

    [Fact]
    public void Cluster_WellSeparatedBlobs_RecoveredExactlyAndNumberedBySize()
    {
        // Blob sizes differ, so renumbering by descending size must give blob b → cluster b + 1.
        var (table, blob) = Blobs(11, [50, 40, 30], ThreeCentres, 0.5);
        var result = KMeans.Cluster(table, Options(3));
        for (int i = 0; i < table.Count; i++)
            Assert.Equal($"cluster {blob[i] + 1}", result.Result.Assignments[i].Class);
        Assert.Equal(["cluster 1", "cluster 2", "cluster 3"], result.Result.Classes);
        Assert.Equal([50, 40, 30], result.Clusters.Select(c => c.Size));
        Assert.True(result.Converged);
    }

    [Fact]
    public void Cluster_MinMaxNormalisation_RecoversBlobs()
    {
        var (table, blob) = Blobs(12, [30, 20], [(0, 0), (5, 50)], 0.5);
        var result = KMeans.Cluster(table, Options(2));
        var minMax = KMeans.Cluster(table, new KMeansOptions { Indicators = ["x", "y"], K = 2, Normalisation = Normalisation.MinMax });
        for (int i = 0; i < table.Count; i++)
        {
            Assert.Equal($"cluster {blob[i] + 1}", minMax.Result.Assignments[i].Class);
            Assert.Equal(result.Result.Assignments[i].Class, minMax.Result.Assignments[i].Class);
        }
        // Min-max space is 0..1 per axis: no distance can exceed √2.
        Assert.All(minMax.Result.Assignments, a => Assert.InRange(a.Numbers["distance_to_next"], 0, Math.Sqrt(2)));
    }

    [Fact]
    public void Cluster_KNotGiven_ChoosesThreeForThreeBlobs()
    {
        var (table, _) = Blobs(13, [40, 35, 30], ThreeCentres, 0.7);
        var result = KMeans.Cluster(table, Options());
        Assert.True(result.KChosen);
        Assert.Equal(3, result.K);
        Assert.Equal(Enumerable.Range(2, 7), result.Candidates.Select(c => c.K));
        Assert.Equal(result.Candidates.Max(c => c.Silhouette), result.Silhouette);
        Assert.Equal(table.Count, result.SilhouetteSampleSize);
        Assert.Equal("", result.Note);
    }

    [Fact]
    public void Cluster_SameSeed_IdenticalResult()
    {
        // Overlapping blobs, so starts disagree and the seed matters.
        var (table, _) = Blobs(14, [60, 60, 60, 60], [(0, 0), (2, 0), (0, 2), (2, 2)], 1.0);
        var first = KMeans.Cluster(table, Options());
        var second = KMeans.Cluster(table, Options());
        Assert.Equal(first.K, second.K);
        Assert.Equal(first.Inertia, second.Inertia);
        Assert.Equal(first.Result.Assignments.Select(a => a.Reason), second.Result.Assignments.Select(a => a.Reason));
        Assert.Equal(first.Clusters.Select(c => c.Summary), second.Clusters.Select(c => c.Summary));
    }

    [Fact]
    public void Cluster_ShuffledInputRows_IdenticalByKey()
    {
        var (table, _) = Blobs(15, [50, 50, 50], [(0, 0), (3, 0), (0, 3)], 1.0);
        var keys = table.CustomerKeys.ToArray();
        var x = table.Number("x").ToArray();
        var y = table.Number("y").ToArray();
        var rng = new SplitMix64(99);
        for (int i = keys.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (keys[i], keys[j]) = (keys[j], keys[i]);
            (x[i], x[j]) = (x[j], x[i]);
            (y[i], y[j]) = (y[j], y[i]);
        }
        Assert.NotEqual(table.CustomerKeys[0], keys[0]);
        var original = KMeans.Cluster(table, Options(3));
        var shuffled = KMeans.Cluster(Table(keys, x, y), Options(3));
        Assert.Equal(original.Result.Assignments.Select(a => (a.CustomerKey, a.Class, a.Reason)),
            shuffled.Result.Assignments.Select(a => (a.CustomerKey, a.Class, a.Reason)));
    }

    [Fact]
    public void Cluster_OneThreadOrMany_IdenticalResult()
    {
        // More rows than one assignment block (1,024) and than the silhouette sample, so both parallel paths run.
        var (table, _) = Blobs(16, [2000, 1500, 1000], [(0, 0), (2, 1), (1, 3)], 1.0);
        var one = KMeans.Cluster(table, Options(3) with { SilhouetteSampleLimit = 800, Restarts = 3, MaxDegreeOfParallelism = 1 });
        var many = KMeans.Cluster(table, Options(3) with { SilhouetteSampleLimit = 800, Restarts = 3, MaxDegreeOfParallelism = 8 });
        Assert.Equal(one.Inertia, many.Inertia);
        Assert.Equal(one.Silhouette, many.Silhouette);
        Assert.Equal(one.Result.Assignments.Select(a => a.Reason), many.Result.Assignments.Select(a => a.Reason));
        Assert.Equal(800, one.SilhouetteSampleSize);
        Assert.Contains("sample of 800 of 4,500 customers", one.Note);
    }

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    [InlineData(24UL)]
    public void Cluster_EightPoints_InertiaEqualsBruteForceOptimum(ulong seed)
    {
        var rng = new SplitMix64(seed);
        var keys = Enumerable.Range(0, 8).Select(i => $"p{i}").ToArray();
        var x = keys.Select(_ => rng.NextGaussian()).ToArray();
        var y = keys.Select(_ => rng.NextGaussian()).ToArray();
        // 50 starts: with the default 10, the data of seed 21 ends in a local optimum (9.317 against 8.902), which
        // is k-means behaving as designed, not a defect; this test is about finding and reporting the optimum.
        var result = KMeans.Cluster(Table(keys, x, y), Options(2) with { Restarts = 50 });
        var points = result.Result.Assignments.Select(a => (X: a.Numbers["z_x"], Y: a.Numbers["z_y"])).ToArray();

        // Every 2-partition: row 0 is always in part A, so masks 0..127 over rows 1..7 (all but "everything in A").
        double optimum = double.PositiveInfinity;
        for (int mask = 1; mask < 128; mask++)
        {
            var inB = Enumerable.Range(0, 8).Select(i => i > 0 && (mask >> (i - 1) & 1) == 1).ToArray();
            optimum = Math.Min(optimum, Cost(points.Where((_, i) => !inB[i])) + Cost(points.Where((_, i) => inB[i])));
        }
        Assert.InRange(result.Inertia, optimum - 1e-9, optimum + 1e-9);
        // The reported inertia is the cost of the reported partition.
        var byClass = result.Result.Assignments.Select((a, i) => (a.Class, Point: points[i])).GroupBy(p => p.Class);
        Assert.Equal(result.Inertia, byClass.Sum(g => Cost(g.Select(p => p.Point))), 9);

        static double Cost(IEnumerable<(double X, double Y)> part)
        {
            var p = part.ToArray();
            double mx = p.Average(q => q.X), my = p.Average(q => q.Y);
            return p.Sum(q => (q.X - mx) * (q.X - mx) + (q.Y - my) * (q.Y - my));
        }
    }

    [Fact]
    public void Cluster_Reason_NamesNearestAndNextWithDistances()
    {
        var (table, _) = Blobs(17, [20, 10], [(0, 0), (10, 10)], 0.5);
        var result = KMeans.Cluster(table, Options(2));
        foreach (var a in result.Result.Assignments)
        {
            var match = Regex.Match(a.Reason, @"^nearest centre: (cluster \d) \(distance (\d+\.\d\d); next (cluster \d) at (\d+\.\d\d)\)$");
            Assert.True(match.Success, a.Reason);
            Assert.Equal(a.Class, match.Groups[1].Value);
            Assert.NotEqual(a.Class, match.Groups[3].Value);
            Assert.Equal(a.Numbers["distance_to_centre"].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value);
            Assert.True(a.Numbers["distance_to_centre"] < a.Numbers["distance_to_next"]);
            Assert.Equal(a.Class, $"cluster {a.Numbers["cluster"]}");
        }
    }

    [Fact]
    public void Cluster_Description_CentreInOriginalUnitsAndDistinguishingIndicator()
    {
        // Two groups that differ in amount (100 vs 1,000) but share the same spread of orders.
        var keys = Enumerable.Range(0, 12).Select(i => $"k{i:D2}").ToArray();
        var amount = keys.Select((_, i) => i < 8 ? 100.0 + i : 1000.0 + i).ToArray();
        var orders = keys.Select((_, i) => (double)(i % 4)).ToArray();
        var table = IndicatorTable.Create(AsOf, keys, new Dictionary<string, double[]> { ["amount"] = amount, ["orders"] = orders });
        var result = KMeans.Cluster(table, new KMeansOptions { Indicators = ["orders", "amount"], K = 2, ClassNames = ["regulars", "big spenders"] });

        var big = result.Clusters[1];
        Assert.Equal(("big spenders", 4, 4.0 / 12), (big.Name, big.Size, big.Share));
        Assert.Equal("amount", big.DistinguishingIndicator);
        Assert.True(big.DistinguishingZ > 1);
        Assert.Equal(1000 + (8 + 9 + 10 + 11) / 4.0, big.Centre[1].Mean, 9);
        Assert.Equal(("orders", 1.5), (big.Centre[0].Indicator, big.Centre[0].Mean));
        Assert.Equal("big spenders: 4 customers (33.3 %); most distinct: amount high (z +1.41, mean 1,009.50)", big.Summary);
        Assert.Equal("regulars", result.Result.Assignments[0].Class);
        Assert.Equal(["regulars", "big spenders"], result.Result.Classes);
    }

    [Fact]
    public void Cluster_MissingValue_ScaledToColumnMeanAndLeftOutOfCentreMean()
    {
        var keys = new[] { "a", "b", "c", "d", "e", "f" };
        var x = new[] { 0.0, 1, 2, 10, 11, double.NaN };
        var y = new[] { 0.0, 0, 0, 5, 5, 5 };
        var result = KMeans.Cluster(Table(keys, x, y), Options(2));
        var f = result.Result.Assignments[5];
        Assert.Equal(0.0, f.Numbers["z_x"]);
        var fCluster = result.Clusters.Single(c => c.Name == f.Class);
        Assert.Equal(10.5, fCluster.Centre[0].Mean, 9); // f's missing x is not averaged in as a value
    }

    [Fact]
    public void Cluster_KNotGivenManyCustomers_ChoosesOnSampleAndFitsAll()
    {
        var (table, blob) = Blobs(25, [700, 600, 500], ThreeCentres, 0.7);
        var result = KMeans.Cluster(table, Options() with { SilhouetteSampleLimit = 300, MaxK = 5 });
        Assert.Equal(3, result.K);
        Assert.Equal(300, result.SilhouetteSampleSize);
        Assert.Equal("k chosen and silhouette computed on a deterministic sample of 300 of 1,800 customers", result.Note);
        for (int i = 0; i < table.Count; i++)
            Assert.Equal($"cluster {blob[i] + 1}", result.Result.Assignments[i].Class);
    }

    [Fact]
    public void Cluster_KAboveDistinctProfiles_Throws()
    {
        var table = Table(["a", "b", "c", "d", "e"], [0, 0, 0, 1, 1], [5, 5, 5, 5, 5]);
        var error = Assert.Throws<ArgumentException>(() => KMeans.Cluster(table, Options(3)));
        Assert.Contains("only 2 distinct profiles", error.Message);
    }

    [Fact]
    public void Cluster_KNotGivenFewDistinctProfiles_SearchCappedAtThem()
    {
        var table = Table(["a", "b", "c", "d", "e", "f"], [0, 0, 0, 1, 1, 1], [5, 5, 5, 5, 5, 5]);
        var result = KMeans.Cluster(table, Options());
        Assert.Equal([2], result.Candidates.Select(c => c.K));
        Assert.Equal(1.0, result.Silhouette); // two exact points: a = 0, so every silhouette is 1
        Assert.Equal(0.0, result.Inertia);
    }

    [Fact]
    public void Cluster_TooSmallK_Throws()
    {
        var (table, _) = Blobs(18, [5, 5], [(0, 0), (5, 5)], 0.5);
        var error = Assert.Throws<ArgumentException>(() => KMeans.Cluster(table, Options(1)));
        Assert.Contains("k must be at least 2", error.Message);
    }

    [Fact]
    public void Cluster_UnknownIndicator_ThrowsKeyNotFound()
    {
        var (table, _) = Blobs(19, [5, 5], [(0, 0), (5, 5)], 0.5);
        Assert.Throws<KeyNotFoundException>(() => KMeans.Cluster(table, new KMeansOptions { Indicators = ["x", "amount"], K = 2 }));
    }

    [Fact]
    public void Cluster_DuplicateClassNames_Throws()
    {
        var (table, _) = Blobs(20, [5, 5, 5], ThreeCentres, 0.5);
        var error = Assert.Throws<ArgumentException>(() => KMeans.Cluster(table, Options(3) with { ClassNames = ["cluster 3", "b"] }));
        Assert.Contains("distinct", error.Message);
    }
}
