using System.Globalization;
using Allot.Core.Indicators;

namespace Allot.Core.Classification.Lifecycle;

/// <summary>Places each customer in a lifecycle stage from orders, tenure, recency and growth.</summary>
/// <remarks>
/// <para>Rules are evaluated in this order and the first that matches wins:</para>
/// <list type="number">
/// <item>potential — orders is 0 or less, or missing (no order recorded);</item>
/// <item>new — tenure ≤ <see cref="LifecycleOptions.NewMaxTenureDays"/>;</item>
/// <item>lost — recency &gt; <see cref="LifecycleOptions.LostRecencyDays"/>;</item>
/// <item>dormant — recency &gt; <see cref="LifecycleOptions.DormantRecencyDays"/>;</item>
/// <item>declining — growth ≤ <see cref="LifecycleOptions.DecliningGrowth"/>;</item>
/// <item>growing — growth ≥ <see cref="LifecycleOptions.GrowingGrowth"/>;</item>
/// <item>mature — everything else.</item>
/// </list>
/// <para>So a customer who first bought 60 days ago is new even when the last order was 50 days ago, and
/// inactivity outranks growth: a customer silent for 200 days is dormant whatever the growth. A missing value
/// (NaN) matches no rule that reads it: missing tenure is never new, missing recency never dormant or lost, and
/// missing growth falls through to mature; the reason then lists the missing indicators. Reasons show days
/// with up to 2 decimals and growth with 2 decimals, invariant culture.</para>
/// <para>Named LifecycleClassifier rather than Lifecycle so the type does not share its namespace's name
/// (inside Allot.Core.Classification "Lifecycle" would resolve to the namespace).</para>
/// </remarks>
public static class LifecycleClassifier
{
    private const string Param = "options";

    private static readonly LifecycleStage[] Stages = Enum.GetValues<LifecycleStage>();

    /// <summary>Classifies every customer of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">Thresholds out of order or not finite, or indicator names empty or
    /// repeated; the message names the setting and the values.</exception>
    /// <exception cref="KeyNotFoundException">An indicator is not in the table.</exception>
    public static ClassifierResult Classify(IndicatorTable table, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var orders = table.Number(options.OrdersIndicator);
        var tenure = table.Number(options.TenureIndicator);
        var recency = table.Number(options.RecencyIndicator);
        var growth = table.Number(options.GrowthIndicator);
        Func<LifecycleStage, string> name = options.ChineseNames ? LifecycleStageNames.Chinese : LifecycleStageNames.English;

        var assignments = new ClassAssignment[table.Count];
        for (int i = 0; i < table.Count; i++)
        {
            var (stage, rule) = Decide(orders[i], tenure[i], recency[i], growth[i], options);
            var numbers = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [options.OrdersIndicator] = orders[i],
                [options.TenureIndicator] = tenure[i],
                [options.RecencyIndicator] = recency[i],
                [options.GrowthIndicator] = growth[i],
            };
            string reason = $"{LifecycleStageNames.English(stage)}: {rule}";
            if (stage is not (LifecycleStage.Potential or LifecycleStage.New))
            {
                // Rules skipped for a missing value are named, so "mature" is not mistaken for a checked fact.
                var missing = new List<string>();
                if (double.IsNaN(tenure[i])) missing.Add(options.TenureIndicator);
                if (double.IsNaN(recency[i])) missing.Add(options.RecencyIndicator);
                if (missing.Count > 0) reason += $"; missing: {string.Join(", ", missing)}";
            }
            assignments[i] = new ClassAssignment(table.CustomerKeys[i], name(stage), reason, numbers);
        }
        return new ClassifierResult(options.Name, Stages.Select(name).ToArray(), assignments);
    }

    private static (LifecycleStage Stage, string Rule) Decide(double orders, double tenure, double recency, double growth, LifecycleOptions o)
    {
        if (double.IsNaN(orders)) return (LifecycleStage.Potential, $"no order yet ({o.OrdersIndicator} missing)");
        if (orders <= 0) return (LifecycleStage.Potential, $"no order yet ({o.OrdersIndicator} {Days(orders)})");
        if (tenure <= o.NewMaxTenureDays)
            return (LifecycleStage.New, $"{o.TenureIndicator} {Days(tenure)} ≤ {Days(o.NewMaxTenureDays)}");
        if (recency > o.LostRecencyDays)
            return (LifecycleStage.Lost, $"{o.RecencyIndicator} {Days(recency)} > {Days(o.LostRecencyDays)}");
        if (recency > o.DormantRecencyDays)
            return (LifecycleStage.Dormant, $"{o.RecencyIndicator} {Days(recency)} > {Days(o.DormantRecencyDays)}");
        if (growth <= o.DecliningGrowth)
            return (LifecycleStage.Declining, $"{o.GrowthIndicator} {Growth(growth)} ≤ {Growth(o.DecliningGrowth)}");
        if (growth >= o.GrowingGrowth)
            return (LifecycleStage.Growing, $"{o.GrowthIndicator} {Growth(growth)} ≥ {Growth(o.GrowingGrowth)}");
        if (double.IsNaN(growth)) return (LifecycleStage.Mature, $"{o.GrowthIndicator} missing");
        return (LifecycleStage.Mature,
            $"{o.GrowthIndicator} {Growth(growth)} between {Growth(o.DecliningGrowth)} and {Growth(o.GrowingGrowth)}");
    }

    private static string Days(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Growth(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static void Validate(LifecycleOptions o)
    {
        string[] indicators = [o.OrdersIndicator, o.TenureIndicator, o.RecencyIndicator, o.GrowthIndicator];
        if (indicators.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("lifecycle indicator names must not be empty", Param);
        if (indicators.Distinct(StringComparer.Ordinal).Count() != indicators.Length)
            throw new ArgumentException($"lifecycle indicator names must be distinct: {string.Join(", ", indicators)}", Param);
        if (string.IsNullOrWhiteSpace(o.Name)) throw new ArgumentException("the classifier needs a name", Param);
        Finite(o.NewMaxTenureDays, nameof(o.NewMaxTenureDays));
        Finite(o.DormantRecencyDays, nameof(o.DormantRecencyDays));
        Finite(o.LostRecencyDays, nameof(o.LostRecencyDays));
        Finite(o.DecliningGrowth, nameof(o.DecliningGrowth));
        Finite(o.GrowingGrowth, nameof(o.GrowingGrowth));
        if (o.NewMaxTenureDays < 0)
            throw new ArgumentException($"NewMaxTenureDays must be at least 0, not {F(o.NewMaxTenureDays)}", Param);
        if (o.DormantRecencyDays < 0)
            throw new ArgumentException($"DormantRecencyDays must be at least 0, not {F(o.DormantRecencyDays)}", Param);
        if (o.DormantRecencyDays >= o.LostRecencyDays)
            throw new ArgumentException(
                $"DormantRecencyDays ({F(o.DormantRecencyDays)}) must be below LostRecencyDays ({F(o.LostRecencyDays)})", Param);
        if (o.DecliningGrowth >= 0)
            throw new ArgumentException($"DecliningGrowth must be below 0, not {F(o.DecliningGrowth)}", Param);
        if (o.GrowingGrowth <= 0)
            throw new ArgumentException($"GrowingGrowth must be above 0, not {F(o.GrowingGrowth)}", Param);
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Finite(double value, string setting)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"{setting} must be a finite number, not {F(value)}", Param);
    }
}
