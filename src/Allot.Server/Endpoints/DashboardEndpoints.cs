using Allot.Core.Classification.Lifecycle;
using Allot.Core.Classification.Runs;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>The landing page's figures, over the user's customers in the latest classification and value runs:
/// tier distribution, Pareto curve, RFM grid, lifecycle funnel and the top churn warnings. One pass over the run's
/// results.</summary>
internal static class DashboardEndpoints
{
    public sealed record Dashboard(RunRef? ClassificationRun, ValueRunRef? ValueRun, int Customers, double Revenue, IReadOnlyList<TierSlice> Tiers,
        IReadOnlyList<ParetoPoint> Pareto, RfmGrid? Rfm, IReadOnlyList<StageCount>? Lifecycle, IReadOnlyList<ValueEndpoints.ChurnRow> Churn);

    public sealed record RunRef(long Id, DateOnly AsOf, string Scheme, DateTimeOffset CreatedAt);

    public sealed record ValueRunRef(long Id, DateOnly CalibrationEnd, string Model, DateTimeOffset CreatedAt, int Warnings);

    public sealed record TierSlice(string Tier, int Customers, double CustomerShare, double Revenue, double RevenueShare);

    public sealed record RfmGrid(string Classifier, IReadOnlyList<RfmCell> Cells);

    /// <summary>Customers with recency score R and frequency score F (1–5 each, 5 best), and their mean monetary value.</summary>
    public sealed record RfmCell(int R, int F, int Customers, double? MeanMonetary);

    public sealed record StageCount(string Stage, int Customers);

    private const int TopChurn = 10;

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboard", (HttpContext ctx, IStore store) => Build(store, InScope.Customers(ctx, store))).WithTags("dashboard");

    private static Ok<Dashboard> Build(IStore store, Func<string, bool>? include)
    {
        var run = store.GetClassificationRuns(1).FirstOrDefault();
        var value = store.GetValueRuns(1).FirstOrDefault();
        var churn = value is null ? [] : ValueEndpoints.Warnings(store, value, include).Take(TopChurn).ToList();
        var valueRef = value is null ? null : new ValueRunRef(value.Id, value.Run.CalibrationEnd, value.Run.Model, value.CreatedAt, value.Run.Warnings);
        if (run is null) return TypedResults.Ok(new Dashboard(null, valueRef, 0, 0, [], ParetoCurve.Of([]), null, null, churn));

        var tiers = new Dictionary<string, (int Customers, double Revenue)>(StringComparer.Ordinal);
        var revenue = new List<double>();
        var stages = new int[Enum.GetValues<LifecycleStage>().Length];
        bool anyStage = false;
        var rfmCount = new int[25];
        var rfmMoney = new double[25];
        string? rfm = null;
        int rfmIndex = -1;
        foreach (var c in store.ReadClassifications(run.Id))
        {
            if (include is not null && !include(c.CustomerKey)) continue;
            revenue.Add(c.Revenue);
            tiers[c.Tier] = tiers.TryGetValue(c.Tier, out var t) ? (t.Customers + 1, t.Revenue + c.Revenue) : (1, c.Revenue);
            if (Stage(c.LifecycleStage) is { } stage)
            {
                stages[(int)stage]++;
                anyStage = true;
            }
            // The RFM classifier is the one whose numbers hold the r and f scores (buying customers only).
            if (rfmIndex < 0) rfmIndex = c.Classes.ToList().FindIndex(x => x.Numbers.ContainsKey("r") && x.Numbers.ContainsKey("f"));
            if (rfmIndex >= 0 && rfmIndex < c.Classes.Count && c.Classes[rfmIndex] is var x
                && x.Numbers.TryGetValue("r", out double r) && x.Numbers.TryGetValue("f", out double f) && r is >= 1 and <= 5 && f is >= 1 and <= 5)
            {
                rfm ??= x.Classifier;
                int cell = ((int)r - 1) * 5 + (int)f - 1;
                rfmCount[cell]++;
                rfmMoney[cell] += x.Numbers.TryGetValue("amount", out double m) && double.IsFinite(m) ? m : 0;
            }
        }
        int n = revenue.Count;
        double total = revenue.Sum();
        var order = run.TierClasses.Where(tiers.ContainsKey).Concat(tiers.Keys.Where(k => !run.TierClasses.Contains(k)).Order(StringComparer.Ordinal));
        var slices = order.Select(k => new TierSlice(k, tiers[k].Customers, Math.Round((double)tiers[k].Customers / n, 6), Math.Round(tiers[k].Revenue, 2),
            total == 0 ? 0 : Math.Round(tiers[k].Revenue / total, 6))).ToList();
        var grid = rfm is null ? null : new RfmGrid(rfm, [.. Enumerable.Range(0, 25).Select(i => new RfmCell(i / 5 + 1, i % 5 + 1, rfmCount[i],
            rfmCount[i] == 0 ? null : Math.Round(rfmMoney[i] / rfmCount[i], 2)))]);
        var funnel = anyStage ? Enum.GetValues<LifecycleStage>().Select(s => new StageCount(LifecycleStageNames.English(s), stages[(int)s])).ToList() : null;
        return TypedResults.Ok(new Dashboard(new RunRef(run.Id, run.AsOf, run.SchemeName, run.CreatedAt), valueRef, n, Math.Round(total, 2), slices,
            [.. ParetoCurve.Of(revenue).Select(p => new ParetoPoint(Math.Round(p.CustomerShare, 4), Math.Round(p.RevenueShare, 6)))], grid, funnel, churn));
    }

    private static LifecycleStage? Stage(string? name)
    {
        if (name is null) return null;
        foreach (var s in Enum.GetValues<LifecycleStage>())
            if (name == LifecycleStageNames.English(s) || name == LifecycleStageNames.Chinese(s)) return s;
        return null;
    }
}
