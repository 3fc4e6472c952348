using Allot.Core.Reps;

namespace Allot.Core.Allocation.Policies;

/// <summary>What allocation knows about a customer: its place in the latest classification run and its owner.</summary>
/// <param name="Key">Customer key.</param>
/// <param name="Region">Region, or null when unknown (then every rep serves it).</param>
/// <param name="Industry">Industry, or null.</param>
/// <param name="Tier">Tier name from the classification run.</param>
/// <param name="Stage">Lifecycle stage (English name), or null.</param>
/// <param name="Owner">Current owner's rep key, or null.</param>
/// <param name="KeyAccount">A key account.</param>
/// <param name="InPool">In the public pool (公海).</param>
/// <param name="Value">The customer's value (revenue in the run), for summaries and greedy priority.</param>
public sealed record AllocationCustomer(
    string Key, string? Region, string? Industry, string Tier, string? Stage, string? Owner, bool KeyAccount, bool InPool, double Value);

/// <summary>The fit of one rep for one customer, by component, in points (weight × component in [0, 1]).</summary>
/// <param name="Seniority">Value ↔ seniority points.</param>
/// <param name="Expertise">Industry expertise points.</param>
/// <param name="Lifecycle">Lifecycle ↔ skill points.</param>
/// <param name="Continuity">Current-owner bonus points.</param>
/// <param name="Performance">Rep performance points.</param>
/// <param name="RegionPenalty">Points taken off for serving outside the rep's regions (soft rule), as a positive number.</param>
public readonly record struct FitBreakdown(
    double Seniority, double Expertise, double Lifecycle, double Continuity, double Performance, double RegionPenalty)
{
    /// <summary>The fit in points: the components' sum less the region penalty.</summary>
    public double Total => Seniority + Expertise + Lifecycle + Continuity + Performance - RegionPenalty;
}

/// <summary>Scores reps for customers under a policy: which reps may take a customer, and how well each fits.</summary>
public sealed class FitModel
{
    private readonly AllocationPolicy _policy;
    private readonly IReadOnlyList<string> _runTiers;

    /// <summary>Creates the model.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="runTiers">The classification run's tier classes, best first (to place tiers the policy does not name).</param>
    public FitModel(AllocationPolicy policy, IReadOnlyList<string> runTiers)
    {
        _policy = policy;
        _runTiers = runTiers;
    }

    /// <summary>The seniority row for a tier: by name, else by the tier's position among the run's tiers, else the last row.</summary>
    public SeniorityRow SeniorityRowFor(string tier)
    {
        var rows = _policy.Seniority;
        foreach (var row in rows)
            if (row.Tier == tier) return row;
        int position = -1;
        for (int i = 0; i < _runTiers.Count; i++)
            if (_runTiers[i] == tier) position = i;
        return position >= 0 && position < rows.Count ? rows[position] : rows[^1];
    }

    /// <summary>Workload units of one account of a tier.</summary>
    public int WorkloadOf(string tier) => _policy.Workload.TryGetValue(tier, out int w) ? w : 1;

    /// <summary>True when the rep serves the customer's region (reps listing no region serve all; customers
    /// without a region are served by all).</summary>
    public static bool Serves(Rep rep, AllocationCustomer customer) =>
        customer.Region is null || rep.Regions.Count == 0 || rep.Regions.Contains(customer.Region, StringComparer.Ordinal);

    /// <summary>True when the policy lets the rep take the customer at all: the rep is active with capacity, and
    /// serves the region when the region rule is hard.</summary>
    public bool Eligible(Rep rep, int capacity, AllocationCustomer customer) =>
        rep.Active && capacity > 0 && (_policy.Region == RegionRule.Soft || Serves(rep, customer));

    /// <summary>The fit of a rep for a customer.</summary>
    public FitBreakdown Fit(AllocationCustomer c, Rep r)
    {
        var w = _policy.Weights;
        var row = SeniorityRowFor(c.Tier);
        double seniority = row.Fit.TryGetValue(r.Level, out double s) ? s : 0;
        double expertise = c.Industry is null || r.Industries.Count == 0 ? 0.5
            : r.Industries.Contains(c.Industry, StringComparer.Ordinal) ? 1 : 0;
        double lifecycle = 0.5;
        if (c.Stage is not null && _policy.LifecycleSkill.TryGetValue(c.Stage, out var skill))
        {
            int? score = skill switch
            {
                RepSkill.Product => r.ProductSkill,
                RepSkill.Selling => r.SellingSkill,
                _ => r.RelationshipSkill,
            };
            if (score is int v) lifecycle = Math.Clamp(v, 0, 100) / 100.0;
        }
        double continuity = c.Owner is not null && c.Owner == r.Key ? 1 : 0;
        double performance = _policy.RepPerformance.TryGetValue(r.Key, out double p) ? p : 0.5;
        double penalty = _policy.Region == RegionRule.Soft && !Serves(r, c) ? _policy.RegionPenalty : 0;
        return new FitBreakdown(w.Seniority * seniority, w.Expertise * expertise, w.Lifecycle * lifecycle,
            w.Continuity * continuity, w.Performance * performance, penalty);
    }

    /// <summary>The integer cost the solver minimises for a fit: minus the fit in hundredths of a point.</summary>
    public static long CostOf(double fitPoints) => -(long)Math.Round(fitPoints * 100, MidpointRounding.AwayFromZero);
}
