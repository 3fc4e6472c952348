using System.Text.Json.Nodes;
using Allot.Core.Allocation.Planning;
using Allot.Core.Allocation.Policies;
using Allot.Core.Classification.Lifecycle;
using Allot.Core.Customers;
using Allot.Core.Reps;

namespace Allot.Storage.Runs;

/// <summary>Allocating the store's book: the request (customers with a classification run's tiers and stages, and
/// the reps), the proposal stored as a run, and its summary — what <c>allot allocate</c> and the server's
/// <c>POST /api/allocation/runs</c> both do. Nothing here changes owners.</summary>
public static class AllocationRuns
{
    /// <summary>The request for the store's book: every customer but the lost ones, with the classification run's
    /// tier, lifecycle stage and revenue (customers not in the run: the lowest tier), and the reps (plus
    /// <paramref name="extraReps"/>, for what-ifs).</summary>
    /// <param name="store">The store.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="classificationRun">The run whose tiers to use; null for the latest.</param>
    /// <param name="extraReps">Reps that join for a what-if, or null.</param>
    /// <param name="note">Told about customers missing from the run.</param>
    /// <returns>The request and the classification run used.</returns>
    /// <exception cref="ArgumentException">No classification run (or not that one), no customers or no reps.</exception>
    public static (AllocationRequest Request, long ClassificationRun) LoadRequest(IStore store, AllocationPolicy policy, long? classificationRun,
        IEnumerable<Rep>? extraReps = null, Action<string>? note = null)
    {
        var info = (classificationRun is long id ? store.GetClassificationRuns(int.MaxValue).FirstOrDefault(r => r.Id == id) : store.GetClassificationRuns(1).FirstOrDefault())
            ?? throw new ArgumentException(classificationRun is null
                ? "no classification run yet: allocation places customers by their tier and lifecycle stage, so run `allot classify` first"
                : $"no classification run {classificationRun}; see `allot runs list`");
        var classes = new Dictionary<string, (string Tier, string? Stage, double Revenue)>(StringComparer.Ordinal);
        foreach (var c in store.ReadClassifications(info.Id)) classes[c.CustomerKey] = (c.Tier, StageName(c.LifecycleStage), c.Revenue);
        string lowest = info.TierClasses.Count > 0 ? info.TierClasses[^1] : "all";
        var customers = new List<AllocationCustomer>();
        int notInRun = 0;
        foreach (var c in store.ReadCustomers())
        {
            if (c.Status == CustomerStatus.Lost) continue; // lost customers are not handed out
            bool known = classes.TryGetValue(c.Key, out var k);
            if (!known) notInRun++;
            customers.Add(new AllocationCustomer(c.Key, c.Region, c.Industry, known ? k.Tier : lowest, known ? k.Stage : null, c.OwnerRepKey,
                c.KeyAccount, c.Status == CustomerStatus.Pool, known ? k.Revenue : 0));
        }
        if (customers.Count == 0) throw new ArgumentException("no customers to allocate: import customers first (or try `allot demo`)");
        if (notInRun > 0) note?.Invoke($"{notInRun:N0} customer(s) are not in classification run {info.Id}: placed as tier {lowest} (classify again to place them by value)");
        var reps = store.GetReps().ToList();
        if (extraReps is not null) reps.AddRange(extraReps);
        if (reps.Count == 0) throw new ArgumentException("no reps to allocate to: import reps first (`allot import reps FILE`)");
        return (new AllocationRequest(policy, info.TierClasses, customers, reps), info.Id);
    }

    /// <summary>Stores a plan as an allocation run (a proposal) and returns its number.</summary>
    public static long Save(IStore store, string by, AllocationPolicy policy, string policyText, long classificationRun, AllocationPlan plan, AllocationRequest request) =>
        store.SaveAllocationRun(by, new AllocationRunHeader(policy.Name, policyText, StrategyName(plan.Strategy), classificationRun, plan.Objective,
            SummaryJson(plan, request)), [.. plan.Assignments.Select(ToStored)]);

    /// <summary>A strategy's name as runs record it: optimal, greedy or round-robin.</summary>
    public static string StrategyName(AllocationStrategy s) => s switch
    {
        AllocationStrategy.Greedy => "greedy",
        AllocationStrategy.RoundRobin => "round-robin",
        _ => "optimal",
    };

    /// <summary>A strategy by name (optimal, greedy, round-robin or round_robin); null for another name.</summary>
    public static AllocationStrategy? ParseStrategy(string name) => name.Trim().ToLowerInvariant() switch
    {
        "optimal" => AllocationStrategy.Optimal,
        "greedy" => AllocationStrategy.Greedy,
        "round-robin" or "round_robin" => AllocationStrategy.RoundRobin,
        _ => null,
    };

    /// <summary>One customer's place in a plan as stored: the fit by component, runner-up, margin and binding constraint as JSON.</summary>
    public static StoredAllocation ToStored(PlannedAssignment a) => new(a.CustomerKey, a.CurrentRep, a.ProposedRep, Math.Round(a.Fit.Total, 2), a.Reason,
        new JsonObject
        {
            ["tier"] = a.Tier,
            ["fit"] = Math.Round(a.Fit.Total, 2),
            ["components"] = new JsonObject
            {
                ["seniority"] = Math.Round(a.Fit.Seniority, 2), ["expertise"] = Math.Round(a.Fit.Expertise, 2), ["lifecycle"] = Math.Round(a.Fit.Lifecycle, 2),
                ["continuity"] = Math.Round(a.Fit.Continuity, 2), ["performance"] = Math.Round(a.Fit.Performance, 2), ["region_penalty"] = Math.Round(a.Fit.RegionPenalty, 2),
            },
            ["runner_up"] = a.RunnerUp, ["runner_up_fit"] = a.RunnerUp is null ? null : a.RunnerUpFit, ["margin"] = Math.Round(a.Margin, 2),
            ["binding"] = a.Binding, ["fixed"] = a.Fixed,
        }.ToJsonString());

    /// <summary>The run's summary as JSON text (stored with the run).</summary>
    public static string SummaryJson(AllocationPlan plan, AllocationRequest request) => Summary(plan, request).ToJsonString();

    /// <summary>The run's summary: strategy, objective, quality, change cap, options, per rep (capacity, load and value
    /// before and after, tier mix, gained, lost) and per region.</summary>
    public static JsonObject Summary(AllocationPlan plan, AllocationRequest request)
    {
        var tiers = request.RunTiers.Count > 0 ? request.RunTiers : ["all"];
        var q = plan.Quality;
        return new JsonObject
        {
            ["strategy"] = StrategyName(plan.Strategy),
            ["objective"] = plan.Objective,
            ["customers"] = plan.Assignments.Count,
            ["quality"] = new JsonObject
            {
                ["total_fit"] = q.TotalFit, ["expertise_share"] = q.ExpertiseShare, ["seniority_share"] = q.SeniorityShare,
                ["owner_changes"] = q.OwnerChanges, ["unassigned"] = q.Unassigned,
                ["load_max_min"] = double.IsFinite(q.MaxMinLoad) ? q.MaxMinLoad : null, ["load_gini"] = q.Gini,
            },
            ["change_cap"] = plan.ChangeCap is not { } cap ? null : new JsonObject
            {
                ["cap"] = cap.Cap, ["met"] = cap.Met, ["changes"] = cap.Changes, ["unconstrained_changes"] = cap.Unconstrained,
                ["unconstrained_objective"] = cap.UnconstrainedObjective, ["lambda"] = cap.Lambda, ["lower_bound"] = cap.LowerBound,
                ["gap"] = cap.Gap(plan.Objective), ["solves"] = cap.Solves,
            },
            ["tiers"] = new JsonArray([.. tiers.Select(t => (JsonNode)JsonValue.Create(t)!)]),
            ["options"] = new JsonObject
            {
                ["new_only"] = request.NewOnly,
                ["max_changes"] = request.MaxChanges,
                ["without_reps"] = new JsonArray([.. request.WithoutReps.Order(StringComparer.Ordinal).Select(r => (JsonNode)JsonValue.Create(r)!)]),
                ["capacity"] = new JsonObject([.. request.CapacityOverrides.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => KeyValuePair.Create(x.Key, (JsonNode?)x.Value))]),
            },
            ["reps"] = new JsonArray([.. plan.Reps.Select(r => (JsonNode)new JsonObject
            {
                ["rep"] = r.RepKey, ["capacity"] = r.Capacity, ["fair_share"] = r.FairShare, ["load_before"] = r.LoadBefore, ["load_after"] = r.LoadAfter,
                ["workload_after"] = r.WorkloadAfter, ["value_before"] = r.ValueBefore, ["value_after"] = r.ValueAfter,
                ["tier_mix"] = new JsonArray([.. r.TierMix.Select(x => (JsonNode)JsonValue.Create(x))]), ["gained"] = r.Gained, ["lost"] = r.Lost,
                ["shadow_price"] = r.ShadowPrice,
            })]),
            ["regions"] = new JsonArray([.. plan.Regions.Select(r => (JsonNode)new JsonObject
            {
                ["region"] = r.Region, ["customers"] = r.Customers, ["value"] = r.Value, ["workload"] = r.Workload, ["capacity"] = r.Capacity,
                ["unassigned"] = r.Unassigned, ["under_served"] = r.UnderServed,
            })]),
        };
    }

    private static string? StageName(string? stage)
    {
        if (stage is null) return null;
        foreach (var s in Enum.GetValues<LifecycleStage>())
            if (stage == LifecycleStageNames.English(s) || stage == LifecycleStageNames.Chinese(s)) return LifecycleStageNames.English(s);
        return stage;
    }
}
