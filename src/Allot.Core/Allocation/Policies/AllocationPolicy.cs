using Allot.Core.Reps;

namespace Allot.Core.Allocation.Policies;

/// <summary>An allocation configuration: what makes a rep fit a customer, how much each part weighs, capacities,
/// balance and the hard rules. Read from JSON by <see cref="PolicyParser"/>; <see cref="BuiltInPolicies.Default"/>
/// is the annotated default.</summary>
public sealed record AllocationPolicy
{
    /// <summary>The policy's name, stored with every run.</summary>
    public string Name { get; init; } = "default";

    /// <summary>What the policy is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>Points for each fit component (each component is a number in [0, 1] times its weight).</summary>
    public FitWeights Weights { get; init; } = new();

    /// <summary>Value ↔ seniority: per tier (best first, as in the classification run) the fit of each rep level in
    /// [0, 1]. A tier not named here takes the row at its position among the run's tiers, else the last row.</summary>
    public IReadOnlyList<SeniorityRow> Seniority { get; init; } = DefaultSeniority;

    /// <summary>Lifecycle: which rep skill suits a customer in each lifecycle stage (English stage names).</summary>
    public IReadOnlyDictionary<string, RepSkill> LifecycleSkill { get; init; } = DefaultLifecycleSkill;

    /// <summary>Region: hard (only reps serving the customer's region) or soft (others allowed at a penalty).</summary>
    public RegionRule Region { get; init; } = RegionRule.Hard;

    /// <summary>With a soft region rule, the points taken off for a rep outside the customer's region.</summary>
    public double RegionPenalty { get; init; } = 30;

    /// <summary>Rep performance in [0, 1] by rep key, when known (e.g. from a scorecard); reps not listed get 0.5.</summary>
    public IReadOnlyDictionary<string, double> RepPerformance { get; init; } = new Dictionary<string, double>();

    /// <summary>Accounts per rep when the rep record gives no capacity.</summary>
    public int DefaultCapacity { get; init; } = 200;

    /// <summary>Workload units of one account per tier name (an A account costs more follow-up time than a C
    /// account); tiers not listed weigh 1.</summary>
    public IReadOnlyDictionary<string, int> Workload { get; init; } = new Dictionary<string, int>();

    /// <summary>Balance: points per workload unit a rep carries above its fair share of its team's load, growing
    /// with each further unit (a convex cost, so books come out even without hard splits). 0 turns it off.</summary>
    public double BalanceWeight { get; init; } = 1;

    /// <summary>Customers whose current assignment is locked: they stay and use their owner's capacity.</summary>
    public IReadOnlyList<string> Locked { get; init; } = [];

    /// <summary>Customers that keep their owner (a do-not-move list).</summary>
    public IReadOnlyList<string> DoNotMove { get; init; } = [];

    /// <summary>Key accounts keep their owner.</summary>
    public bool LockKeyAccounts { get; init; }

    /// <summary>Customers in the public pool take part (otherwise they stay in the pool).</summary>
    public bool IncludePool { get; init; }

    /// <summary>Candidate reps kept per customer before solving (the best by fit); the solver checks that the
    /// pruning cut nothing from the optimum and adds arcs back when it did. 0 keeps every eligible rep.</summary>
    public int Candidates { get; init; } = 12;

    /// <summary>The default seniority table for A/B/C tiers: A to seniors, C to juniors, B to mid.</summary>
    public static IReadOnlyList<SeniorityRow> DefaultSeniority { get; } =
    [
        new("A", new Dictionary<RepLevel, double> { [RepLevel.Senior] = 1.0, [RepLevel.Mid] = 0.6, [RepLevel.Junior] = 0.2 }),
        new("B", new Dictionary<RepLevel, double> { [RepLevel.Senior] = 0.7, [RepLevel.Mid] = 1.0, [RepLevel.Junior] = 0.6 }),
        new("C", new Dictionary<RepLevel, double> { [RepLevel.Senior] = 0.3, [RepLevel.Mid] = 0.7, [RepLevel.Junior] = 1.0 }),
    ];

    /// <summary>New and growing customers to relationship builders, mature ones to product knowledge, declining
    /// and dormant ones to sellers who win them back.</summary>
    public static IReadOnlyDictionary<string, RepSkill> DefaultLifecycleSkill { get; } = new Dictionary<string, RepSkill>
    {
        ["potential"] = RepSkill.Relationship,
        ["new"] = RepSkill.Relationship,
        ["growing"] = RepSkill.Relationship,
        ["mature"] = RepSkill.Product,
        ["declining"] = RepSkill.Selling,
        ["dormant"] = RepSkill.Selling,
        ["lost"] = RepSkill.Selling,
    };
}

/// <summary>Points per fit component.</summary>
public sealed record FitWeights
{
    /// <summary>Value ↔ seniority.</summary>
    public double Seniority { get; init; } = 35;

    /// <summary>Industry expertise.</summary>
    public double Expertise { get; init; } = 25;

    /// <summary>Lifecycle stage ↔ rep skill.</summary>
    public double Lifecycle { get; init; } = 15;

    /// <summary>Bonus for the current owner (keeps relationships unless a change is worth it).</summary>
    public double Continuity { get; init; } = 20;

    /// <summary>Rep performance, when known.</summary>
    public double Performance { get; init; } = 5;
}

/// <summary>One row of the seniority table.</summary>
/// <param name="Tier">The tier's name.</param>
/// <param name="Fit">Fit in [0, 1] per rep level; a level not given fits 0.</param>
public sealed record SeniorityRow(string Tier, IReadOnlyDictionary<RepLevel, double> Fit);

/// <summary>A rep skill score.</summary>
public enum RepSkill
{
    /// <summary>Product knowledge.</summary>
    Product,

    /// <summary>Selling (closing, winning back).</summary>
    Selling,

    /// <summary>Relationship building.</summary>
    Relationship,
}

/// <summary>How the customer's region limits reps.</summary>
public enum RegionRule
{
    /// <summary>Only reps serving the customer's region (reps listing no region serve all).</summary>
    Hard,

    /// <summary>Any rep, with a penalty outside the region.</summary>
    Soft,
}
