namespace Allot.Core.Allocation;

/// <summary>Builds an <see cref="AssignmentProblem"/> one customer at a time (the constructor takes the
/// compressed arrays directly, for callers that already have them).</summary>
/// <remarks>Reps start with no capacity limit, no tier limits and no load costs.</remarks>
public sealed class AssignmentProblemBuilder
{
    private readonly int _reps, _tiers;
    private readonly List<int> _tier = [], _start = [0], _rep = [], _fixed = [];
    private readonly List<long> _cost = [], _unassigned = [];
    private readonly int[] _capacity;
    private readonly int[,] _tierCapacity;
    private readonly LoadCost[] _repLoad;
    private readonly LoadCost[,] _tierLoad;

    /// <summary>Starts a problem with <paramref name="repCount"/> reps and <paramref name="tierCount"/> tiers.</summary>
    public AssignmentProblemBuilder(int repCount, int tierCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(tierCount, 1);
        _reps = repCount;
        _tiers = tierCount;
        _capacity = Enumerable.Repeat(AssignmentProblem.NoLimit, repCount).ToArray();
        _tierCapacity = new int[repCount, tierCount];
        _repLoad = Enumerable.Repeat(LoadCost.Zero, repCount).ToArray();
        _tierLoad = new LoadCost[repCount, tierCount];
        for (int r = 0; r < repCount; r++)
            for (int t = 0; t < tierCount; t++)
            {
                _tierCapacity[r, t] = AssignmentProblem.NoLimit;
                _tierLoad[r, t] = LoadCost.Zero;
            }
    }

    /// <summary>Adds a customer and returns its index.</summary>
    /// <param name="tier">Its tier.</param>
    /// <param name="unassignedCost">Cost of leaving it unassigned.</param>
    /// <param name="reps">Its candidate reps.</param>
    /// <param name="costs">The cost of each candidate, aligned with <paramref name="reps"/>.</param>
    /// <param name="fixedRep">The rep it is locked to (one of its candidates), or <see cref="AssignmentProblem.None"/>.</param>
    public int AddCustomer(int tier, long unassignedCost, ReadOnlySpan<int> reps, ReadOnlySpan<long> costs, int fixedRep = AssignmentProblem.None)
    {
        if (reps.Length != costs.Length) throw new ArgumentException("one cost per candidate rep", nameof(costs));
        _tier.Add(tier);
        _unassigned.Add(unassignedCost);
        _fixed.Add(fixedRep);
        foreach (int r in reps) _rep.Add(r);
        foreach (long c in costs) _cost.Add(c);
        _start.Add(_rep.Count);
        return _tier.Count - 1;
    }

    /// <summary>Sets a rep's capacity (accounts in all).</summary>
    public AssignmentProblemBuilder SetCapacity(int rep, int capacity)
    {
        _capacity[rep] = capacity;
        return this;
    }

    /// <summary>Sets a rep's capacity in one tier.</summary>
    public AssignmentProblemBuilder SetTierCapacity(int rep, int tier, int capacity)
    {
        _tierCapacity[rep, tier] = capacity;
        return this;
    }

    /// <summary>Sets the convex cost of a rep's total count.</summary>
    public AssignmentProblemBuilder SetRepLoadCost(int rep, LoadCost cost)
    {
        _repLoad[rep] = cost;
        return this;
    }

    /// <summary>Sets the convex cost of a rep's count in one tier.</summary>
    public AssignmentProblemBuilder SetTierLoadCost(int rep, int tier, LoadCost cost)
    {
        _tierLoad[rep, tier] = cost;
        return this;
    }

    /// <summary>The problem so far (checked; see the <see cref="AssignmentProblem"/> constructor).</summary>
    public AssignmentProblem Build() =>
        new(_reps, _tiers, [.. _tier], [.. _start], [.. _rep], [.. _cost], [.. _unassigned], (int[])_capacity.Clone(),
            (int[,])_tierCapacity.Clone(), (LoadCost[])_repLoad.Clone(), (LoadCost[,])_tierLoad.Clone(), [.. _fixed]);
}
