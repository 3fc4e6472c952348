using System.Globalization;
using Allot.Core.Indicators;
using System.Runtime.CompilerServices;

namespace Allot.Core.Classification;

/// <summary>ABC (Pareto) classification of customers by one numeric indicator, e.g. sales amount or profit.</summary>
/// <remarks>
/// Customers are sorted by value descending, ties by customer key (ordinal), so the result never depends on
/// input order. Shares are computed over the sum of the <em>positive</em> values only: a loss-making customer
/// (value &lt; 0), one with value 0, and one with a missing value (NaN or infinite) take no share and are put in
/// <see cref="AbcOptions.NonPositiveClass"/> (or C when that is null), with a reason saying why. A customer is A
/// while the cumulative share of those ranked before it is &lt; the A threshold, B while &lt; the B threshold,
/// else C (see <see cref="AbcOptions"/>). The cumulative share is the running sum divided by the total, not a
/// sum of rounded shares.
/// Numbers per customer: value, share (0 for non-positive), cumulative_share_before (1 for non-positive:
/// every positive value ranks before it), rank (1-based over all customers; positive values first, then zero and
/// negative values descending, then missing, each by key).
/// </remarks>
public static class Abc
{
    /// <summary>Classifies every customer of the table by <paramref name="indicator"/>.</summary>
    /// <param name="table">The indicators.</param>
    /// <param name="indicator">A numeric indicator of the table.</param>
    /// <param name="options">Thresholds and class names; null means <see cref="AbcOptions.Default"/>.</param>
    /// <returns>Result named "abc_&lt;indicator&gt;", assignments in table row order.</returns>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="KeyNotFoundException">Unknown indicator; the message lists the known ones.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ClassifierResult Classify(IndicatorTable table, string indicator, AbcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= AbcOptions.Default;
        options.Validate();
        var values = table.Column(indicator);
        var keys = table.CustomerKeys;
        int n = values.Length;

        double total = 0;
        foreach (double v in values)
            if (IsPositive(v)) total += v;

        // Positive values first, then zero and negative ones, each by value descending, then missing ones; ties and
        // missing values by row, which is by key (rows are in key order).
        var groups = new List<int>[] { [], [], [] };
        for (int i = 0; i < n; i++) groups[Group(values[i])].Add(i);
        int[] positive = [.. groups[0]], other = [.. groups[1]];
        Ranking.Descending(values, positive);
        Ranking.Descending(values, other);
        int[] order = [.. positive, .. other, .. groups[2]];

        string lowClass = options.NonPositiveClass ?? options.ClassC;
        // One writer for every customer's reason, from the assignment's numbers, so reasons are only made when read.
        var assignments = new AssignmentColumns(keys,
            new AssignmentColumns.Layout(["value", "share", "cumulative_share_before", "rank"], a => Reason(a.Numbers, indicator, options)));
        double running = 0;
        for (int rank = 1; rank <= n; rank++)
        {
            int row = order[rank - 1];
            double v = values[row];
            string cls;
            double share, before;
            if (IsPositive(v))
            {
                share = v / total;
                before = running / total;
                running += v;
                cls = before < options.AThreshold ? options.ClassA : before < options.BThreshold ? options.ClassB : options.ClassC;
            }
            else
            {
                share = 0;
                before = 1;
                cls = lowClass;
            }
            var numbers = assignments.Set(row, cls);
            (numbers[0], numbers[1], numbers[2], numbers[3]) = (v, share, before, rank);
        }
        List<string> classes = [options.ClassA, options.ClassB, options.ClassC];
        if (options.NonPositiveClass is not null) classes.Add(options.NonPositiveClass);
        return new ClassifierResult("abc_" + indicator, classes, assignments);
    }

    private static string Reason(IReadOnlyDictionary<string, double> numbers, string indicator, AbcOptions options)
    {
        double v = numbers["value"], share = numbers["share"], before = numbers["cumulative_share_before"];
        int rank = (int)numbers["rank"];
        if (!IsPositive(v))
        {
            return double.IsFinite(v)
                ? Invariant($"{indicator} {v:0.##} ≤ 0 (loss-making or no value): takes no share of the positive total")
                : $"{indicator} missing: takes no share of the positive total";
        }
        string reason = before < options.AThreshold
            ? Invariant($"cumulative share before it {Pct(before)} < {Pct(options.AThreshold)}")
            : before < options.BThreshold
                ? Invariant($"cumulative share before it {Pct(before)} ≥ {Pct(options.AThreshold)} and < {Pct(options.BThreshold)}")
                : Invariant($"cumulative share before it {Pct(before)} ≥ {Pct(options.BThreshold)}");
        return reason + Invariant($"; {indicator} {v:0.##} is {SmallPct(share)} of the positive total, rank {rank}");
    }

    private static bool IsPositive(double v) => double.IsFinite(v) && v > 0;

    // Sort groups: positive values, then zero and negative, then missing.
    private static int Group(double v) => IsPositive(v) ? 0 : double.IsFinite(v) ? 1 : 2;

    private static string Pct(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A single customer's share is often far below 0.1 %: show three significant digits.</summary>
    private static string SmallPct(double fraction) =>
        fraction >= 0.001 ? Pct(fraction) : (fraction * 100).ToString("G3", CultureInfo.InvariantCulture) + " %";

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
