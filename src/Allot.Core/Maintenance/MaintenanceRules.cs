using System.Collections.Concurrent;

namespace Allot.Core.Maintenance;

/// <summary>The rules that keep customers served: pools, reclaim and claim limits, follow-up cadence, care and
/// alerts (read from a rules file by <see cref="RulesParser"/>).</summary>
/// <remarks>
/// The rules for one customer are its pool's and its classes' layers applied in this order, later ones winning
/// key by key: <c>defaults</c>, <c>tiers[tier]</c>, <c>segments[segment]</c>, <c>stages[stage]</c>, then the same four
/// blocks of its pool. Tier, segment and stage come from the latest classification run. A customer belongs to the
/// pool that lists its region, else to the one pool that lists none. Resolved rules are cached per combination,
/// which stays small (pools × tiers × segments × stages that occur), and the cache is safe for concurrent use.
/// </remarks>
public sealed class MaintenanceRules
{
    private readonly LayerSet _global;
    private readonly IReadOnlyList<LayerSet> _poolLayers;
    private readonly Dictionary<string, int> _poolByRegion = new(StringComparer.Ordinal);
    private readonly int _catchAll;
    private readonly ConcurrentDictionary<(int, string?, string?, string?), CustomerRules> _cache = new();

    internal MaintenanceRules(string source, IReadOnlyList<PoolDefinition> pools, IReadOnlySet<string> managers, LayerSet global,
        IReadOnlyList<LayerSet> poolLayers, FollowUpSettings followUps, CareSettings care, AlertSettings alerts)
    {
        Source = source;
        Pools = pools;
        Managers = managers;
        _global = global;
        _poolLayers = poolLayers;
        FollowUps = followUps;
        Care = care;
        Alerts = alerts;
        for (int i = 0; i < pools.Count; i++)
        {
            foreach (string region in pools[i].Regions) _poolByRegion[region] = i;
            if (pools[i].CatchAll) _catchAll = i;
        }
    }

    /// <summary>The rules file's name, for messages.</summary>
    public string Source { get; }

    /// <summary>The pools, in file order; exactly one of them takes the regions no other lists.</summary>
    public IReadOnlyList<PoolDefinition> Pools { get; }

    /// <summary>Managers of every pool.</summary>
    public IReadOnlySet<string> Managers { get; }

    /// <summary>The follow-up plan's settings besides the cadence.</summary>
    public FollowUpSettings FollowUps { get; }

    /// <summary>Care dates and messages.</summary>
    public CareSettings Care { get; }

    /// <summary>Alerts and the digest.</summary>
    public AlertSettings Alerts { get; }

    /// <summary>The pool a customer of <paramref name="region"/> belongs to.</summary>
    public PoolDefinition PoolOf(string? region) => Pools[PoolIndex(region)];

    /// <summary>A pool by name, or null.</summary>
    public PoolDefinition? FindPool(string name) => Pools.FirstOrDefault(p => p.Name == name);

    /// <summary>True when <paramref name="user"/> manages <paramref name="pool"/> (or every pool).</summary>
    public bool IsManager(string user, PoolDefinition pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return Managers.Contains(user) || pool.Managers.Contains(user);
    }

    /// <summary>True when <paramref name="user"/> manages any pool.</summary>
    public bool IsAnyManager(string user) => Managers.Contains(user) || Pools.Any(p => p.Managers.Contains(user));

    /// <summary>The rules for a customer.</summary>
    public CustomerRules For(BookCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return For(customer.Region, customer.Tier, customer.Segment, customer.Stage);
    }

    /// <summary>The rules for a customer of a region with a tier, segment and lifecycle stage (each may be unknown).</summary>
    public CustomerRules For(string? region, string? tier, string? segment, string? stage)
    {
        int pool = PoolIndex(region);
        return _cache.GetOrAdd((pool, tier, segment, stage), key =>
        {
            var state = new RuleState();
            Apply(_global, state, key.Item2, key.Item3, key.Item4);
            Apply(_poolLayers[key.Item1], state, key.Item2, key.Item3, key.Item4);
            return state.Freeze(Pools[key.Item1]);
        });
    }

    private static void Apply(LayerSet set, RuleState state, string? tier, string? segment, string? stage)
    {
        if (set.Defaults is { } d) RulesParser.Apply(d, state);
        if (tier is not null && set.Tiers.TryGetValue(tier, out var t)) RulesParser.Apply(t, state);
        if (segment is not null && set.Segments.TryGetValue(segment, out var s)) RulesParser.Apply(s, state);
        if (stage is not null && set.Stages.TryGetValue(stage, out var l)) RulesParser.Apply(l, state);
    }

    private int PoolIndex(string? region) =>
        region is not null && _poolByRegion.TryGetValue(region, out int i) ? i : _catchAll;
}
