using Allot.Core.Allocation.Policies;
using Allot.Core.Reps;

namespace Allot.Core.Allocation.Planning;

/// <summary>How to choose owners.</summary>
public enum AllocationStrategy
{
    /// <summary>The exact optimum of the policy's objective for the whole book (min-cost flow).</summary>
    Optimal,

    /// <summary>Odoo-style: customers by value, each to its best eligible rep with capacity left.</summary>
    Greedy,

    /// <summary>Zoho/HubSpot-style: reps in turn, the next eligible rep with capacity left.</summary>
    RoundRobin,
}

/// <summary>Everything an allocation needs: the policy, the book and the reps, and what-if adjustments.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="RunTiers">The classification run's tiers, best first.</param>
/// <param name="Customers">The customers (pool customers take part only when the policy includes the pool).</param>
/// <param name="Reps">The reps.</param>
public sealed record AllocationRequest(
    AllocationPolicy Policy, IReadOnlyList<string> RunTiers, IReadOnlyList<AllocationCustomer> Customers, IReadOnlyList<Rep> Reps)
{
    /// <summary>Optimal, greedy or round robin.</summary>
    public AllocationStrategy Strategy { get; init; } = AllocationStrategy.Optimal;

    /// <summary>Place only customers without an owner; owned customers keep theirs (and use capacity).</summary>
    public bool NewOnly { get; init; }

    /// <summary>What-if: reps taken out (their customers must move).</summary>
    public IReadOnlySet<string> WithoutReps { get; init; } = new HashSet<string>();

    /// <summary>At most this many owner changes (optimal strategy): met by Lagrangian tuning of a continuity bonus,
    /// with the gap to the constrained optimum reported; null for no cap.</summary>
    public int? MaxChanges { get; init; }

    /// <summary>What-if: capacities by rep key, overriding the rep records and the policy default.</summary>
    public IReadOnlyDictionary<string, int> CapacityOverrides { get; init; } = new Dictionary<string, int>();
}
