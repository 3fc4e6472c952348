using System.Globalization;
using Allot.Core.Indicators;
using System.Runtime.CompilerServices;

namespace Allot.Core.Classification;

/// <summary>RFM classifications: 1–5 quintile scores with named segments, and the 8-class split by the means
/// used in Chinese CRMs.</summary>
/// <remarks>
/// A customer takes part only when recency, frequency and monetary value are all present (not NaN or infinite)
/// and frequency is &gt; 0; every other customer gets the class "no purchases" (Chinese "无购买") and is left
/// out of the ranks and means, so N and the means count buying customers only.
/// </remarks>
public static class Rfm
{
    /// <summary>Class of customers without purchases, in English.</summary>
    public const string NoPurchases = "no purchases";

    /// <summary>Class of customers without purchases, in Chinese.</summary>
    public const string NoPurchasesChinese = "无购买";

    /// <summary>Scores R, F and M 1–5 and names each customer's segment.</summary>
    /// <remarks>
    /// Each score is 1 + ⌊5·(rank − 1)/N⌋, rank 1-based ascending by value over the N buying customers, tied
    /// values sharing the lowest rank of their run. Recency is ranked descending by days, so the most recent
    /// customers (fewest days) get R = 5. The class is the segment of the cell (R, F, M): from
    /// <paramref name="segments"/> when it holds the cell (key r·100 + f·10 + m, e.g. 555), else from the default
    /// map <see cref="RfmSegment.Of"/>. Numbers: recency_days, orders, amount (under these names whatever the
    /// indicators are called), r, f, m, cell = r·100 + f·10 + m; buying customers only get r, f, m and cell.
    /// </remarks>
    /// <param name="table">The indicators.</param>
    /// <param name="recencyIndicator">Days since the last purchase.</param>
    /// <param name="frequencyIndicator">Number of orders.</param>
    /// <param name="monetaryIndicator">Amount bought.</param>
    /// <param name="segments">Overrides of the default map, cell → segment name; may cover any cells.</param>
    /// <param name="language">Language of the default segment names.</param>
    /// <returns>Result named "rfm": classes are the segments best first, then override names not among them,
    /// then "no purchases".</returns>
    /// <exception cref="KeyNotFoundException">Unknown indicator.</exception>
    /// <exception cref="ArgumentException">An override key that is not a cell 111–555 with digits 1–5, or an empty name.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ClassifierResult Score(IndicatorTable table, string recencyIndicator = "recency_days",
        string frequencyIndicator = "orders", string monetaryIndicator = "amount",
        IReadOnlyDictionary<int, string>? segments = null, SegmentLanguage language = SegmentLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (cell, name) in segments ?? new Dictionary<int, string>())
        {
            if (cell / 100 is < 1 or > 5 || cell / 10 % 10 is < 1 or > 5 || cell % 10 is < 1 or > 5 || cell > 555)
                throw new ArgumentException($"RFM segment override for cell {cell}: a cell is r·100 + f·10 + m with scores 1–5 (111…555)", nameof(segments));
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException($"RFM segment override for cell {cell} has an empty name", nameof(segments));
        }
        var (recency, frequency, monetary, buying) = Columns(table, recencyIndicator, frequencyIndicator, monetaryIndicator);
        // The three rankings are independent: on a large table they are made side by side.
        int[] r = [], f = [], m = [];
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = table.Count < 10_000 ? 1 : -1 },
            () => r = QuintileScores.Of(recency, buying, descending: true),
            () => f = QuintileScores.Of(frequency, buying, descending: false),
            () => m = QuintileScores.Of(monetary, buying, descending: false));
        string none = language == SegmentLanguage.Chinese ? NoPurchasesChinese : NoPurchases;

        // Reasons are written from each assignment's numbers when read, not kept for every customer.
        string[] rawNames = ["recency_days", "orders", "amount"], scoredNames = [.. rawNames, "r", "f", "m", "cell"];
        var assignments = new AssignmentColumns(table.CustomerKeys,
            new AssignmentColumns.Layout(scoredNames, a => ScoreReason(a, segments)),
            new AssignmentColumns.Layout(rawNames, a => NoPurchaseReason(frequencyIndicator, a.Numbers["orders"])));
        // The default map's names, by cell, looked up once rather than per customer.
        var names = new string?[556];
        for (int i = 0; i < table.Count; i++)
        {
            if (!buying[i])
            {
                var raw = assignments.Set(i, none, layout: 1);
                (raw[0], raw[1], raw[2]) = (recency[i], frequency[i], monetary[i]);
                continue;
            }
            int cell = r[i] * 100 + f[i] * 10 + m[i];
            string cls = names[cell] ??= segments is not null && segments.TryGetValue(cell, out var given) ? given : RfmSegment.Of(r[i], f[i], m[i]).Name(language);
            var numbers = assignments.Set(i, cls);
            (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]) = (recency[i], frequency[i], monetary[i], r[i], f[i], m[i], cell);
        }
        var classes = RfmSegment.All.Select(s => s.Name(language)).ToList();
        foreach (string name in (segments ?? new Dictionary<int, string>()).OrderBy(p => p.Key).Select(p => p.Value))
            if (!classes.Contains(name)) classes.Add(name);
        classes.Add(none);
        return new ClassifierResult("rfm", classes, assignments);
    }

    /// <summary>Splits buying customers into 8 classes by whether each of R, F and M is high (at or better than its
    /// mean) or low.</summary>
    /// <remarks>
    /// The means are over buying customers. F and M are high when value ≥ mean; R is high when the recency in days
    /// ≤ the mean days (as recent as average or more recent); a value exactly at the mean counts as high. The
    /// usual Chinese definition (重要价值 etc.): M decides 重要 (important, M high) vs 一般 (general, M low); R and F
    /// decide the kind: R↑F↑ 价值 value, R↑F↓ 发展 development, R↓F↑ 保持 retention, R↓F↓ 挽留 win-back.
    /// <code>
    /// R F M | Chinese   English
    /// ↑ ↑ ↑ | 重要价值  Key Value
    /// ↑ ↓ ↑ | 重要发展  Key Development
    /// ↓ ↑ ↑ | 重要保持  Key Retention
    /// ↓ ↓ ↑ | 重要挽留  Key Win-back
    /// ↑ ↑ ↓ | 一般价值  General Value
    /// ↑ ↓ ↓ | 一般发展  General Development
    /// ↓ ↑ ↓ | 一般保持  General Retention
    /// ↓ ↓ ↓ | 一般挽留  General Win-back
    /// </code>
    /// Numbers: recency_days, orders, amount, and for buying customers mean_recency_days, mean_orders,
    /// mean_amount, r_high, f_high, m_high (1 = high, 0 = low).
    /// </remarks>
    /// <param name="table">The indicators.</param>
    /// <param name="recencyIndicator">Days since the last purchase.</param>
    /// <param name="frequencyIndicator">Number of orders.</param>
    /// <param name="monetaryIndicator">Amount bought.</param>
    /// <param name="language">Language of the class names (default Chinese, as in the CRMs that use it).</param>
    /// <returns>Result named "rfm8", classes in the order of the table above, then "no purchases".</returns>
    /// <exception cref="KeyNotFoundException">Unknown indicator.</exception>
    public static ClassifierResult EightClass(IndicatorTable table, string recencyIndicator = "recency_days",
        string frequencyIndicator = "orders", string monetaryIndicator = "amount", SegmentLanguage language = SegmentLanguage.Chinese)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (recency, frequency, monetary, buying) = Columns(table, recencyIndicator, frequencyIndicator, monetaryIndicator);
        double meanR = Mean(recency, buying), meanF = Mean(frequency, buying), meanM = Mean(monetary, buying);
        string none = language == SegmentLanguage.Chinese ? NoPurchasesChinese : NoPurchases;
        var assignments = new ClassAssignment[table.Count];
        for (int i = 0; i < assignments.Length; i++)
        {
            var numbers = RawNumbers(recency[i], frequency[i], monetary[i]);
            if (!buying[i])
            {
                assignments[i] = new ClassAssignment(table.CustomerKeys[i], none, NoPurchaseReason(frequencyIndicator, frequency[i]), numbers);
                continue;
            }
            bool rHigh = recency[i] <= meanR, fHigh = frequency[i] >= meanF, mHigh = monetary[i] >= meanM;
            numbers["mean_recency_days"] = meanR;
            numbers["mean_orders"] = meanF;
            numbers["mean_amount"] = meanM;
            numbers["r_high"] = rHigh ? 1 : 0;
            numbers["f_high"] = fHigh ? 1 : 0;
            numbers["m_high"] = mHigh ? 1 : 0;
            int index = (mHigh ? 0 : 4) + (rHigh ? 0 : 2) + (fHigh ? 0 : 1);
            string cls = EightNames[index].Name(language);
            string reason = FormattableString.Invariant(
                $"R{(rHigh ? "↑" : "↓")} F{(fHigh ? "↑" : "↓")} M{(mHigh ? "↑" : "↓")}: recency {recency[i]:0.##} days {(rHigh ? "≤" : ">")} mean {meanR:0.##}, {frequency[i]:0.##} orders {(fHigh ? "≥" : "<")} mean {meanF:0.##}, amount {monetary[i]:0.##} {(mHigh ? "≥" : "<")} mean {meanM:0.##}");
            assignments[i] = new ClassAssignment(table.CustomerKeys[i], cls, reason, numbers);
        }
        var classes = EightNames.Select(s => s.Name(language)).Append(none).ToList();
        return new ClassifierResult("rfm8", classes, assignments);
    }

    // Index = (M low ? 4 : 0) + (R low ? 2 : 0) + (F low ? 1 : 0), which is also the display order.
    private static readonly RfmSegment[] EightNames =
    [
        new("Key Value", "重要价值"), new("Key Development", "重要发展"),
        new("Key Retention", "重要保持"), new("Key Win-back", "重要挽留"),
        new("General Value", "一般价值"), new("General Development", "一般发展"),
        new("General Retention", "一般保持"), new("General Win-back", "一般挽留"),
    ];

    private static (double[] R, double[] F, double[] M, bool[] Buying) Columns(IndicatorTable table, string r, string f, string m)
    {
        double[] recency = table.Column(r), frequency = table.Column(f), monetary = table.Column(m);
        var buying = new bool[table.Count];
        for (int i = 0; i < buying.Length; i++)
            buying[i] = double.IsFinite(recency[i]) && double.IsFinite(frequency[i]) && double.IsFinite(monetary[i]) && frequency[i] > 0;
        return (recency, frequency, monetary, buying);
    }

    private static string ScoreReason(ClassAssignment a, IReadOnlyDictionary<int, string>? segments)
    {
        var n = a.Numbers;
        int r = (int)n["r"], f = (int)n["f"], m = (int)n["m"], cell = (int)n["cell"];
        double recency = n["recency_days"], frequency = n["orders"], monetary = n["amount"];
        bool overridden = segments is not null && segments.ContainsKey(cell);
        return FormattableString.Invariant(
            $"R{r} F{f} M{m} (recency {recency:0.##} days, {frequency:0.##} orders, amount {monetary:0.##}): cell {cell} is {a.Class}")
            + (overridden ? " by the given map" : $" (FM = {(f + m + 1) / 2})");
    }

    private static Dictionary<string, double> RawNumbers(double r, double f, double m) =>
        new(StringComparer.Ordinal) { ["recency_days"] = r, ["orders"] = f, ["amount"] = m };

    private static string NoPurchaseReason(string frequencyIndicator, double frequency) =>
        double.IsFinite(frequency) && frequency <= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{frequencyIndicator} = {frequency}: no purchases, not ranked")
            : "recency, frequency or monetary value missing: no purchases, not ranked";

    private static double Mean(double[] values, bool[] include)
    {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.Length; i++)
            if (include[i]) { sum += values[i]; n++; }
        return n == 0 ? double.NaN : sum / n;
    }
}
