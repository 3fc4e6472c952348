using System.Globalization;
using Allot.Core.Indicators;
using System.Runtime.CompilerServices;

namespace Allot.Core.Classification;

/// <summary>A 0–100 weighted score over several indicators, cut into tiers.</summary>
/// <remarks>
/// Per indicator: values are optionally winsorised, normalised to 0–1 (<see cref="Normalisation"/>) using the
/// customers that have a value, and flipped to 1 − x when lower is better. A missing value (NaN or infinite) is
/// treated as the worst value: normalised 0 whatever the direction, and left out of min, max, mean, σ and
/// percentiles. score = Σ wᵢ·normᵢ / Σ wᵢ × 100; contribution_&lt;name&gt; = wᵢ·normᵢ / Σ wᵢ × 100, in score points,
/// and the score is the sum of the contributions. Score tiers: the first tier whose minimum the score reaches;
/// the comparison allows 1e-9 so a score that is 80 up to rounding error counts as 80. Share tiers: customers are
/// ordered by score descending, ties by key (ordinal); tier k ends at position round(N × cumulative share up to
/// k), halves rounded up, so rounding errors do not pile up; the rest get <see cref="ScoringOptions.RestTier"/>.
/// Numbers: score, and per indicator value_&lt;name&gt; (as given, before winsorising), normalised_&lt;name&gt;,
/// contribution_&lt;name&gt;; share tiers add position (1-based in score order).
/// </remarks>
public static class WeightedScore
{
    private const double ScoreTolerance = 1e-9;

    /// <summary>Scores and tiers every customer.</summary>
    /// <param name="table">The indicators.</param>
    /// <param name="options">Indicators, normalisation, tiers.</param>
    /// <returns>Result named <see cref="ScoringOptions.Name"/>, classes best first then the rest tier.</returns>
    /// <exception cref="ArgumentException">Unknown indicator (the message lists the known ones), a weight &lt; 0 or
    /// not finite, all weights zero, repeated indicators, bad winsor percentiles, score tiers not strictly
    /// decreasing or outside 0–100, shares ≤ 0 or summing to more than 1, both kinds of tiers, empty or repeated
    /// tier names.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ClassifierResult Classify(IndicatorTable table, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        Validate(table, options);
        int n = table.Count;
        var specs = options.Indicators;
        double totalWeight = specs.Sum(s => s.Weight);

        var raw = specs.Select(s => table.Column(s.Name)).ToArray();
        var normalised = new double[specs.Count][];
        for (int k = 0; k < specs.Count; k++)
            normalised[k] = Normalise(Winsorise(raw[k], options.WinsorLower, options.WinsorUpper), options.Normalisation, specs[k].Direction);

        // Numbers per customer: value_, normalised_, contribution_ per indicator, score, and position with share tiers.
        int width = 3 * specs.Count + 1 + (options.ShareTiers is null ? 0 : 1);
        var names = new string[width];
        for (int k = 0; k < specs.Count; k++)
            (names[3 * k], names[3 * k + 1], names[3 * k + 2]) = ("value_" + specs[k].Name, "normalised_" + specs[k].Name, "contribution_" + specs[k].Name);
        names[3 * specs.Count] = "score";
        if (options.ShareTiers is not null) names[^1] = "position";
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            double score = 0;
            for (int k = 0; k < specs.Count; k++) score += specs[k].Weight * normalised[k][i] / totalWeight * 100;
            scores[i] = score;
        }

        AssignmentColumns assignments;
        List<string> classes;
        if (options.ShareTiers is { } shares)
        {
            // Rows are in key order (ordinal), so ties by key are ties by row.
            int[] order = [.. Enumerable.Range(0, n)];
            Ranking.Descending(scores, order);
            var ends = new int[shares.Count];
            double cumulative = 0;
            for (int t = 0; t < shares.Count; t++)
            {
                cumulative += shares[t].Share;
                ends[t] = Math.Min(n, (int)Math.Round(n * cumulative, MidpointRounding.AwayFromZero));
            }
            // Reasons are written from each assignment's numbers when read, not kept for every customer.
            assignments = new AssignmentColumns(table.CustomerKeys, new AssignmentColumns.Layout(names, a =>
            {
                int pos = (int)a.Numbers["position"] - 1;
                int tier = Array.FindIndex(ends, e => pos < e);
                string where = tier < 0
                    ? "after every share tier"
                    : Inv($"within the first {ends[tier]} ({Pct(shares.Take(tier + 1).Sum(s => s.Share))} of {n})");
                return Inv($"score {a.Numbers["score"]:0.0}, position {pos + 1} of {n} by score (ties by key), {where}") + Explain(specs, a.Numbers);
            }));
            int current = 0;
            for (int pos = 0; pos < n; pos++)
            {
                int row = order[pos];
                while (current < ends.Length && pos >= ends[current]) current++;
                string cls = current < ends.Length ? shares[current].Name : options.RestTier;
                var numbers = assignments.Set(row, cls);
                Fill(numbers, row);
                numbers[^1] = pos + 1;
            }
            classes = [.. shares.Select(s => s.Name), options.RestTier];
        }
        else
        {
            var tiers = options.ScoreTiers ?? ScoringOptions.DefaultScoreTiers;
            assignments = new AssignmentColumns(table.CustomerKeys, new AssignmentColumns.Layout(names, a =>
            {
                double score = a.Numbers["score"];
                int tier = TierOf(tiers, score);
                string why = tier < 0
                    ? Inv($"score {score:0.0} < {tiers[^1].MinScore:0.##}")
                    : Inv($"score {score:0.0} ≥ {tiers[tier].MinScore:0.##}") + (tier > 0 ? Inv($" and < {tiers[tier - 1].MinScore:0.##}") : "");
                return why + Explain(specs, a.Numbers);
            }));
            for (int i = 0; i < n; i++)
            {
                int tier = TierOf(tiers, scores[i]);
                Fill(assignments.Set(i, tier < 0 ? options.RestTier : tiers[tier].Name), i);
            }
            classes = [.. tiers.Select(t => t.Name), options.RestTier];
        }
        return new ClassifierResult(options.Name, classes, assignments);

        // The numbers as the score was summed: each contribution computed the same way, the score their sum.
        void Fill(Span<double> numbers, int row)
        {
            double score = 0;
            for (int k = 0; k < specs.Count; k++)
            {
                double contribution = specs[k].Weight * normalised[k][row] / totalWeight * 100;
                score += contribution;
                numbers[3 * k] = raw[k][row];
                numbers[3 * k + 1] = normalised[k][row];
                numbers[3 * k + 2] = contribution;
            }
            numbers[3 * specs.Count] = score;
        }
    }

    private static int TierOf(IReadOnlyList<ScoreTier> tiers, double score)
    {
        int tier = -1;
        for (int t = 0; t < tiers.Count && tier < 0; t++)
            if (score >= tiers[t].MinScore - ScoreTolerance) tier = t;
        return tier;
    }

    private static string Explain(IReadOnlyList<ScoredIndicator> specs, IReadOnlyDictionary<string, double> numbers) =>
        "; " + string.Join(", ", specs.Select(s => double.IsFinite(numbers["value_" + s.Name])
            ? Inv($"{s.Name} {numbers["value_" + s.Name]:0.##} → {numbers["contribution_" + s.Name]:0.0} pts")
            : $"{s.Name} missing → 0 pts (worst)"));

    private static void Validate(IndicatorTable table, ScoringOptions options)
    {
        if (options.Indicators is null || options.Indicators.Count == 0)
            throw new ArgumentException("a weighted score needs at least one indicator", nameof(options));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in options.Indicators)
        {
            if (!table.HasNumber(spec.Name))
                throw new ArgumentException($"unknown indicator '{spec.Name}'; known: {string.Join(", ", table.NumberNames)}", nameof(options));
            if (!seen.Add(spec.Name))
                throw new ArgumentException($"indicator '{spec.Name}' appears twice in the score", nameof(options));
            if (!double.IsFinite(spec.Weight) || spec.Weight < 0)
                throw new ArgumentException(Inv($"weight of '{spec.Name}' is {spec.Weight}; weights must be finite and ≥ 0"), nameof(options));
        }
        if (options.Indicators.All(s => s.Weight == 0))
            throw new ArgumentException("all weights are zero; at least one must be positive", nameof(options));
        double lo = options.WinsorLower ?? 0, hi = options.WinsorUpper ?? 1;
        if (!(lo >= 0 && lo < hi && hi <= 1))
            throw new ArgumentException(Inv($"winsor percentiles must satisfy 0 <= lower < upper <= 1; got {lo}, {hi}"), nameof(options));
        if (string.IsNullOrWhiteSpace(options.RestTier))
            throw new ArgumentException("the rest tier needs a name", nameof(options));
        List<string> names;
        if (options.ShareTiers is { } shares)
        {
            if (options.ScoreTiers is not null)
                throw new ArgumentException("give tiers either by score or by share, not both", nameof(options));
            if (shares.Count == 0) throw new ArgumentException("share tiers are empty", nameof(options));
            foreach (var s in shares)
                if (!(s.Share > 0 && s.Share <= 1))
                    throw new ArgumentException(Inv($"share of tier '{s.Name}' is {s.Share}; each share must be > 0 and <= 1"), nameof(options));
            double sum = shares.Sum(s => s.Share);
            // Tolerance so 0.2 + 0.3 + 0.5 (= 1.0000000000000002 in binary) is accepted.
            if (sum > 1 + 1e-9)
                throw new ArgumentException(Inv($"tier shares sum to {sum:0.###} > 1"), nameof(options));
            names = [.. shares.Select(s => s.Name)];
        }
        else
        {
            var tiers = options.ScoreTiers ?? ScoringOptions.DefaultScoreTiers;
            if (tiers.Count == 0) throw new ArgumentException("score tiers are empty", nameof(options));
            for (int t = 0; t < tiers.Count; t++)
            {
                if (!(tiers[t].MinScore >= 0 && tiers[t].MinScore <= 100))
                    throw new ArgumentException(Inv($"minimum score of tier '{tiers[t].Name}' is {tiers[t].MinScore}; it must lie in 0–100"), nameof(options));
                if (t > 0 && !(tiers[t].MinScore < tiers[t - 1].MinScore))
                    throw new ArgumentException(Inv($"score tiers must be strictly decreasing: '{tiers[t].Name}' ({tiers[t].MinScore}) follows '{tiers[t - 1].Name}' ({tiers[t - 1].MinScore})"), nameof(options));
            }
            names = [.. tiers.Select(t => t.Name)];
        }
        names.Add(options.RestTier);
        if (names.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("tier names must not be empty", nameof(options));
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new ArgumentException($"tier names must differ: {string.Join(", ", names)}", nameof(options));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Winsorise(double[] values, double? lower, double? upper)
    {
        if (lower is null && upper is null) return values;
        var present = Present(values);
        if (present.Length == 0) return values;
        NumericSort.Ascending(present, null);
        double lo = lower is { } l ? Percentile(present, l) : double.NegativeInfinity;
        double hi = upper is { } u ? Percentile(present, u) : double.PositiveInfinity;
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = double.IsFinite(values[i]) ? Math.Clamp(values[i], lo, hi) : values[i];
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Present(double[] values)
    {
        int count = 0;
        foreach (double v in values)
            if (double.IsFinite(v)) count++;
        var present = new double[count];
        int k = 0;
        foreach (double v in values)
            if (double.IsFinite(v)) present[k++] = v;
        return present;
    }

    // Linear interpolation between order statistics at h = (n − 1)·p (Excel PERCENTILE.INC, R type 7).
    private static double Percentile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        return below + 1 < sorted.Length ? sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]) : sorted[below];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Normalise(double[] values, Normalisation method, ScoreDirection direction)
    {
        var present = Present(values);
        var result = new double[values.Length];
        double min = 0, max = 0, mean = 0, sd = 0;
        if (present.Length > 0)
        {
            // The same sums, in the same order, as Min, Max, Average and Sum over the present values.
            (min, max) = (present[0], present[0]);
            double sum = 0;
            foreach (double v in present)
            {
                if (v < min) min = v;
                if (v > max) max = v;
                sum += v;
            }
            mean = sum / present.Length;
            double squares = 0;
            foreach (double v in present) squares += (v - mean) * (v - mean);
            sd = Math.Sqrt(squares / present.Length);
        }
        double[] sorted = [];
        if (method is not (Normalisation.MinMax or Normalisation.ZScore))
        {
            sorted = present;
            NumericSort.Ascending(sorted, null);
        }
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v)) { result[i] = 0; continue; } // Missing is the worst value, in either direction.
            double x = method switch
            {
                Normalisation.MinMax => max > min ? (v - min) / (max - min) : 0.5,
                Normalisation.ZScore => sd > 0 ? NormalCdf((v - mean) / sd) : 0.5,
                _ => PercentileRank(sorted, v),
            };
            result[i] = direction == ScoreDirection.LowerIsBetter ? 1 - x : x;
        }
        return result;
    }

    private static double PercentileRank(double[] sorted, double v)
    {
        if (sorted.Length == 1) return 0.5;
        int below = LowerBound(sorted, v);
        int equal = LowerBound(sorted, BitIncrement(v)) - below;
        return (below + (equal - 1) / 2.0) / (sorted.Length - 1);
    }

    private static double BitIncrement(double v) => Math.BitIncrement(v);

    private static int LowerBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Standard normal CDF via erfc (Numerical Recipes' erfcc, fractional error &lt; 1.2e-7).</summary>
    internal static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static string Pct(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Inv(FormattableString s) => FormattableString.Invariant(s);
}
