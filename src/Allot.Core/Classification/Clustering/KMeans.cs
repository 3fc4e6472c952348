using System.Globalization;
using Allot.Core.Indicators;

namespace Allot.Core.Classification.Clustering;

/// <summary>k-means clustering of customers on chosen indicators, described so a manager can name each cluster.</summary>
/// <remarks>
/// <para>Each indicator is scaled (<see cref="Normalisation"/>; a missing value becomes the scaled column mean, 0
/// for z-scores). Each start picks centres by k-means++ (the first uniformly, each next with probability
/// proportional to the squared distance to the nearest centre chosen so far), then runs Lloyd iterations (assign
/// each customer to the nearest centre, ties to the lower index; move each centre to its members' mean) until no
/// assignment changes or <see cref="KMeansOptions.MaxIterations"/>. A cluster left empty is re-seeded with the
/// customer farthest from its own centre (ties: the lower row) taken from a cluster with more than one member.
/// Of <see cref="KMeansOptions.Restarts"/> starts the one with the lowest inertia is kept (ties: the first).</para>
/// <para>Every start draws from its own <see cref="SplitMix64"/> sequence derived from the seed, k and the start
/// number, so the result depends only on the table, the options and the seed — not on the thread count (the
/// assignment step may run in parallel, but each row is computed independently and sums run in row order).</para>
/// <para>When k is not given, k = 2..min(MaxK, n − 1, distinct profiles) are tried and the highest mean
/// silhouette wins (ties: the smaller k). Above <see cref="KMeansOptions.SilhouetteSampleLimit"/> customers the
/// search (fits and silhouettes) runs on one deterministic sample of that many rows drawn from the seed, and the
/// chosen k is then fitted on all customers; the reported silhouette is always that of the final clustering,
/// on the same sample. A given k above the number of distinct profiles is refused rather than left with empty
/// clusters.</para>
/// <para>Clusters are renumbered by descending size, ties by the centre compared coordinate by coordinate
/// (lower first), and named "cluster 1".."cluster k" unless <see cref="KMeansOptions.ClassNames"/> are given.
/// Reasons give Euclidean distances in scaled units, rounded to 2 decimals.</para>
/// </remarks>
public static class KMeans
{
    private const int BlockSize = 1024;

    /// <summary>Clusters the customers of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options, too few customers for k, an indicator with no known
    /// value or an infinite value.</exception>
    /// <exception cref="KeyNotFoundException">An indicator is not in the table.</exception>
    public static ClusteringResult Cluster(IndicatorTable table, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, table.Count);
        int n = table.Count;
        int d = options.Indicators.Count;
        var z = new double[n * d];
        var space = options.Normalisation == Normalisation.ZScore ? z : new double[n * d];
        for (int j = 0; j < d; j++)
        {
            var column = table.Number(options.Indicators[j]);
            Scaling.Write(column, options.Indicators[j], Normalisation.ZScore, z, j, d);
            if (!ReferenceEquals(space, z)) Scaling.Write(column, options.Indicators[j], options.Normalisation, space, j, d);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        int[] sample = SampleRows(n, options.SilhouetteSampleLimit, options.Seed);

        var candidates = new List<KCandidate>();
        KMeansRun best;
        double silhouette;
        if (options.K is int given)
        {
            int distinct = DistinctRows(space, d, Enumerable.Range(0, n).ToArray());
            if (given > distinct)
                throw new ArgumentException($"k = {given} but the customers have only {distinct} distinct profiles on the chosen indicators", nameof(options));
            best = BestOfStarts(space, n, d, given, options, parallel);
        }
        else
        {
            // The search runs on the silhouette sample (all rows when n is within the limit): clustering all rows
            // for every k would cost MaxK − 1 full fits for numbers only the sample is scored on.
            bool sampled = sample.Length < n;
            var searchData = sampled ? Rows(space, d, sample) : space;
            int m = sample.Length;
            var searchRows = Enumerable.Range(0, m).ToArray();
            int maxK = Math.Min(Math.Min(options.MaxK, m - 1), DistinctRows(searchData, d, searchRows));
            if (maxK < 2)
                throw new ArgumentException("the customers do not differ enough on the chosen indicators to form 2 clusters", nameof(options));
            KMeansRun? chosen = null;
            double chosenSilhouette = double.NaN;
            for (int k = 2; k <= maxK; k++)
            {
                var run = BestOfStarts(searchData, m, d, k, options, parallel);
                double s = Silhouette.Mean(searchData, d, run.Labels, k, searchRows, parallel);
                candidates.Add(new KCandidate(k, s, run.Inertia));
                // Strictly greater: on a tie the smaller k stays; NaN never wins over a number.
                if (chosen is null || s > chosenSilhouette || (double.IsNaN(chosenSilhouette) && !double.IsNaN(s)))
                {
                    chosen = run;
                    chosenSilhouette = s;
                }
            }
            best = sampled ? BestOfStarts(space, n, d, chosen!.K, options, parallel) : chosen!;
        }
        silhouette = Silhouette.Mean(space, d, best.Labels, best.K, sample, parallel);
        return Describe(table, options, z, space, d, best, candidates, silhouette, sample.Length);
    }

    private static void Validate(KMeansOptions options, int n)
    {
        if (options.Indicators is null || options.Indicators.Count == 0)
            throw new ArgumentException("k-means needs at least one indicator", nameof(options));
        if (options.Indicators.Distinct(StringComparer.Ordinal).Count() != options.Indicators.Count)
            throw new ArgumentException("k-means indicators must be distinct", nameof(options));
        if (options.K is int k)
        {
            if (k < 2) throw new ArgumentException($"k must be at least 2, not {k}", nameof(options));
            if (k > n) throw new ArgumentException($"k = {k} but there are only {n} customers", nameof(options));
        }
        else
        {
            if (options.MaxK < 2) throw new ArgumentException($"MaxK must be at least 2, not {options.MaxK}", nameof(options));
            if (n < 3) throw new ArgumentException($"choosing k needs at least 3 customers, not {n}", nameof(options));
        }
        if (options.Restarts < 1) throw new ArgumentException($"Restarts must be at least 1, not {options.Restarts}", nameof(options));
        if (options.MaxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1, not {options.MaxIterations}", nameof(options));
        if (options.SilhouetteSampleLimit < 2)
            throw new ArgumentException($"SilhouetteSampleLimit must be at least 2, not {options.SilhouetteSampleLimit}", nameof(options));
        if (options.MaxDegreeOfParallelism == 0 || options.MaxDegreeOfParallelism < -1)
            throw new ArgumentException($"MaxDegreeOfParallelism must be -1 or positive, not {options.MaxDegreeOfParallelism}", nameof(options));
        if (string.IsNullOrWhiteSpace(options.Name)) throw new ArgumentException("the classifier needs a name", nameof(options));
        if (options.ClassNames is { } names && names.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("class names must not be empty", nameof(options));
    }

    /// <summary>The given rows of a row-major matrix, as a new matrix.</summary>
    private static double[] Rows(double[] data, int d, int[] rows)
    {
        var result = new double[rows.Length * d];
        for (int r = 0; r < rows.Length; r++) Array.Copy(data, rows[r] * d, result, r * d, d);
        return result;
    }

    /// <summary>How many different points the given rows hold: k-means cannot fill more clusters than that.</summary>
    private static int DistinctRows(double[] data, int d, int[] rows)
    {
        int Compare(int a, int b)
        {
            for (int j = 0; j < d; j++)
            {
                int c = data[a * d + j].CompareTo(data[b * d + j]);
                if (c != 0) return c;
            }
            return 0;
        }
        var sorted = (int[])rows.Clone();
        Array.Sort(sorted, Compare);
        int distinct = sorted.Length > 0 ? 1 : 0;
        for (int i = 1; i < sorted.Length; i++)
            if (Compare(sorted[i - 1], sorted[i]) != 0) distinct++;
        return distinct;
    }

    /// <summary>All rows, or a sorted uniform sample of <paramref name="limit"/> rows (partial Fisher–Yates).</summary>
    private static int[] SampleRows(int n, int limit, ulong seed)
    {
        var rows = Enumerable.Range(0, n).ToArray();
        if (n <= limit) return rows;
        var rng = new SplitMix64(SplitMix64.Mix(seed ^ 0x5A4D_504C_4553_494CUL));
        for (int i = 0; i < limit; i++)
        {
            int j = i + rng.NextInt(n - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        var sample = rows[..limit];
        Array.Sort(sample);
        return sample;
    }

    private static KMeansRun BestOfStarts(double[] data, int n, int d, int k, KMeansOptions options, ParallelOptions parallel)
    {
        KMeansRun? best = null;
        for (int start = 0; start < options.Restarts; start++)
        {
            // Each start has its own sequence, so adding restarts never changes the earlier ones.
            ulong seed = SplitMix64.Mix(options.Seed ^ SplitMix64.Mix(((ulong)k << 32) | (uint)start));
            var run = Lloyd(data, n, d, k, new SplitMix64(seed), options.MaxIterations, parallel);
            if (best is null || run.Inertia < best.Inertia) best = run;
        }
        return best!;
    }

    private static KMeansRun Lloyd(double[] data, int n, int d, int k, SplitMix64 rng, int maxIterations, ParallelOptions parallel)
    {
        var centres = PlusPlus(data, n, d, k, rng);
        var labels = new int[n];
        Array.Fill(labels, -1);
        var nearest = new double[n];
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations)
        {
            bool changed = Assign(data, n, d, centres, k, labels, nearest, parallel);
            if (!changed) { converged = true; break; }
            iterations++;
            ReseedEmpty(labels, nearest, n, k);
            centres = Means(data, n, d, k, labels, centres);
        }
        // At the limit the last centres were moved after the last assignment: assign once more so every
        // customer sits with its nearest final centre and the reasons are true.
        if (!converged) Assign(data, n, d, centres, k, labels, nearest, parallel);
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += nearest[i];
        return new KMeansRun(k, labels, centres, inertia, iterations, converged);
    }

    private static double[] PlusPlus(double[] data, int n, int d, int k, SplitMix64 rng)
    {
        var centres = new double[k * d];
        var minSquared = new double[n];
        int first = rng.NextInt(n);
        Array.Copy(data, first * d, centres, 0, d);
        for (int i = 0; i < n; i++) minSquared[i] = Squared(data, i, centres, 0, d);
        for (int c = 1; c < k; c++)
        {
            double total = 0;
            for (int i = 0; i < n; i++) total += minSquared[i];
            int pick;
            if (total > 0)
            {
                double target = rng.NextDouble() * total;
                double cumulative = 0;
                pick = -1;
                for (int i = 0; i < n; i++)
                {
                    if (minSquared[i] <= 0) continue;
                    cumulative += minSquared[i];
                    pick = i; // the last positive row, should rounding leave target beyond the sum
                    if (cumulative > target) break;
                }
            }
            else
            {
                pick = rng.NextInt(n); // every row coincides with a centre: any row will do
            }
            Array.Copy(data, pick * d, centres, c * d, d);
            for (int i = 0; i < n; i++) minSquared[i] = Math.Min(minSquared[i], Squared(data, i, centres, c, d));
        }
        return centres;
    }

    /// <summary>Nearest centre per row (ties: lower index); true when any label changed.</summary>
    private static bool Assign(double[] data, int n, int d, double[] centres, int k, int[] labels, double[] nearest, ParallelOptions parallel)
    {
        int blocks = (n + BlockSize - 1) / BlockSize;
        var changed = new bool[blocks];
        void Block(int b)
        {
            int end = Math.Min(n, (b + 1) * BlockSize);
            for (int i = b * BlockSize; i < end; i++)
            {
                int label = 0;
                double best = Squared(data, i, centres, 0, d);
                for (int c = 1; c < k; c++)
                {
                    double s = Squared(data, i, centres, c, d);
                    if (s < best) { best = s; label = c; }
                }
                nearest[i] = best;
                if (labels[i] != label) { labels[i] = label; changed[b] = true; }
            }
        }
        if (blocks == 1) Block(0);
        else Parallel.For(0, blocks, parallel, Block);
        return changed.Contains(true);
    }

    private static void ReseedEmpty(int[] labels, double[] nearest, int n, int k)
    {
        var sizes = new int[k];
        foreach (int l in labels) sizes[l]++;
        if (!sizes.Contains(0)) return;
        // Farthest first, ties by lower row; n ≥ k guarantees a cluster with a spare member for every empty one.
        var order = Enumerable.Range(0, n).OrderByDescending(i => nearest[i]).ThenBy(i => i).ToArray();
        int next = 0;
        for (int c = 0; c < k; c++)
        {
            if (sizes[c] > 0) continue;
            while (sizes[labels[order[next]]] < 2) next++;
            int row = order[next++];
            sizes[labels[row]]--;
            labels[row] = c;
            sizes[c] = 1;
            nearest[row] = 0;
        }
    }

    private static double[] Means(double[] data, int n, int d, int k, int[] labels, double[] previous)
    {
        var sums = new double[k * d];
        var sizes = new int[k];
        for (int i = 0; i < n; i++)
        {
            int c = labels[i];
            sizes[c]++;
            for (int j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
        }
        for (int c = 0; c < k; c++)
        {
            if (sizes[c] == 0) { Array.Copy(previous, c * d, sums, c * d, d); continue; }
            for (int j = 0; j < d; j++) sums[c * d + j] /= sizes[c];
        }
        return sums;
    }

    private static double Squared(double[] data, int row, double[] centres, int centre, int d)
    {
        double s = 0;
        for (int j = 0; j < d; j++)
        {
            double diff = data[row * d + j] - centres[centre * d + j];
            s += diff * diff;
        }
        return s;
    }

    private static ClusteringResult Describe(IndicatorTable table, KMeansOptions options, double[] z, double[] space, int d,
        KMeansRun run, List<KCandidate> candidates, double silhouette, int sampleSize)
    {
        int n = table.Count, k = run.K;
        var sizes = new int[k];
        foreach (int l in run.Labels) sizes[l]++;
        var order = Enumerable.Range(0, k).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int bySize = sizes[b].CompareTo(sizes[a]);
            if (bySize != 0) return bySize;
            for (int j = 0; j < d; j++)
            {
                int byCoordinate = run.Centres[a * d + j].CompareTo(run.Centres[b * d + j]);
                if (byCoordinate != 0) return byCoordinate;
            }
            return a.CompareTo(b);
        });
        var numberOf = new int[k]; // old index → new 0-based number
        for (int c = 0; c < k; c++) numberOf[order[c]] = c;
        var names = new string[k];
        for (int c = 0; c < k; c++)
            names[c] = options.ClassNames is { } given && c < given.Count ? given[c] : $"cluster {c + 1}";
        if (names.Distinct(StringComparer.Ordinal).Count() != k)
            throw new ArgumentException($"class names must be distinct: {string.Join(", ", names)}", nameof(options));

        var columns = new double[d][];
        for (int j = 0; j < d; j++) columns[j] = table.Number(options.Indicators[j]).ToArray();
        var clusters = new ClusterDescription[k];
        for (int c = 0; c < k; c++)
        {
            int old = order[c];
            var centre = new ClusterIndicator[d];
            for (int j = 0; j < d; j++)
            {
                double sum = 0, zSum = 0;
                int known = 0;
                for (int i = 0; i < n; i++)
                {
                    if (run.Labels[i] != old) continue;
                    zSum += z[i * d + j];
                    if (double.IsNaN(columns[j][i])) continue;
                    sum += columns[j][i];
                    known++;
                }
                centre[j] = new ClusterIndicator(options.Indicators[j], known > 0 ? sum / known : double.NaN,
                    sizes[old] > 0 ? zSum / sizes[old] : double.NaN);
            }
            var distinct = centre[0];
            foreach (var ci in centre)
                if (Math.Abs(ci.Z) > Math.Abs(distinct.Z)) distinct = ci; // strictly greater: ties keep the first
            double share = (double)sizes[old] / n;
            string summary = string.Create(CultureInfo.InvariantCulture,
                $"{names[c]}: {sizes[old]} customers ({share * 100:0.0} %); most distinct: {distinct.Indicator} " +
                $"{(distinct.Z >= 0 ? "high" : "low")} (z {distinct.Z:+0.00;-0.00;0.00}, mean {distinct.Mean:N2})");
            clusters[c] = new ClusterDescription(c + 1, names[c], sizes[old], share, centre, distinct.Indicator, distinct.Z, summary);
        }

        var assignments = new ClassAssignment[n];
        var distances = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int old = 0; old < k; old++) distances[numberOf[old]] = Math.Sqrt(Squared(space, i, run.Centres, old, d));
            int own = numberOf[run.Labels[i]];
            int next = -1;
            for (int c = 0; c < k; c++)
                if (c != own && (next < 0 || distances[c] < distances[next])) next = c;
            var numbers = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["cluster"] = own + 1,
                ["distance_to_centre"] = distances[own],
                ["distance_to_next"] = distances[next],
            };
            for (int j = 0; j < d; j++) numbers["z_" + options.Indicators[j]] = z[i * d + j];
            string reason = string.Create(CultureInfo.InvariantCulture,
                $"nearest centre: {names[own]} (distance {distances[own]:0.00}; next {names[next]} at {distances[next]:0.00})");
            assignments[i] = new ClassAssignment(table.CustomerKeys[i], names[own], reason, numbers);
        }

        var notes = new List<string>();
        if (sampleSize < n)
        {
            string what = options.K is null ? "k chosen and silhouette computed" : "silhouette computed";
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{what} on a deterministic sample of {sampleSize:N0} of {n:N0} customers"));
        }
        if (!run.Converged)
            notes.Add($"stopped at the iteration limit ({options.MaxIterations}) before assignments settled");
        var result = new ClassifierResult(options.Name, names, assignments);
        return new ClusteringResult(result, clusters, k, options.K is null, candidates, run.Inertia, silhouette, sampleSize,
            run.Iterations, run.Converged, string.Join("; ", notes));
    }
}
