namespace Allot.Core.Allocation;

/// <summary>An allocation of customers to reps as an integral optimisation problem: who may go where at what cost,
/// the reps' capacities, their convex load costs and the locked customers.</summary>
/// <remarks>
/// <para>Reps are 0..<see cref="RepCount"/>−1, tiers (workload classes, e.g. A/B/C) 0..<see cref="TierCount"/>−1,
/// customers 0..<see cref="CustomerCount"/>−1. Every cost is a <c>long</c> (lower is better; the caller scales its
/// fit to integers) within ±<see cref="MaxAbsCost"/>; every capacity an <c>int</c>.</para>
/// <para>The objective of an assignment <c>repOf</c> (−1 = unassigned) is
/// Σ<sub>i assigned</sub> CandidateCost(i, repOf[i]) + Σ<sub>i unassigned</sub> UnassignedCost[i]
/// + Σ<sub>r,t</sub> TierLoadCost(r,t).Total(n<sub>rt</sub>) + Σ<sub>r</sub> RepLoadCost(r).Total(n<sub>r</sub>),
/// where n<sub>rt</sub> counts rep r's customers of tier t and n<sub>r</sub> all of them. It is feasible when each
/// assigned customer went to one of its candidates, n<sub>r</sub> ≤ Capacity[r], n<sub>rt</sub> ≤ TierCapacity(r,t),
/// and each locked customer went to its locked rep (a locked customer is never left unassigned).</para>
/// <para>This is the min-cost flow source → customer (supply 1) → (rep, tier) → rep → sink with an
/// "unassigned" arc from each free customer to the sink; <see cref="AssignmentNetwork"/> builds it explicitly.
/// A load cost on the total weighted load Σ<sub>t</sub> w<sub>t</sub> n<sub>rt</sub> is not separable and makes
/// the problem NP-hard (a hard weighted capacity is the generalised assignment problem), so workload weights enter
/// through the per-tier costs; see <see cref="BalanceCosts"/>.</para>
/// <para>The arrays are taken as they are, not copied: do not change them after construction.</para>
/// </remarks>
public sealed class AssignmentProblem
{
    /// <summary>The largest absolute value of any cost or load-cost slope: 2<sup>40</sup> (about 1.1·10<sup>12</sup>).</summary>
    /// <remarks>It leaves room for sums along paths and for objectives of millions of customers in a <c>long</c>.</remarks>
    public const long MaxAbsCost = 1L << 40;

    /// <summary>A capacity meaning "no limit".</summary>
    public const int NoLimit = int.MaxValue;

    /// <summary>The value of <see cref="FixedRep"/> for a customer that is not locked, and of a rep index meaning
    /// "unassigned".</summary>
    public const int None = -1;

    private readonly int[] _customerTier;
    private readonly int[] _candidateStart;
    private readonly int[] _candidateRep;
    private readonly long[] _candidateCost;
    private readonly long[] _unassignedCost;
    private readonly int[] _capacity;
    private readonly int[] _tierCapacity;
    private readonly LoadCost[] _repLoadCost;
    private readonly LoadCost[] _tierLoadCost;
    private readonly int[] _fixedRep;

    /// <summary>Creates and checks a problem.</summary>
    /// <param name="repCount">Number of reps R.</param>
    /// <param name="tierCount">Number of tiers T (at least 1).</param>
    /// <param name="customerTier">Tier of each customer; its length is the number of customers N.</param>
    /// <param name="candidateStart">CSR row starts, length N + 1: customer i's candidates are entries
    /// candidateStart[i]..candidateStart[i+1]−1 of <paramref name="candidateRep"/> and <paramref name="candidateCost"/>.</param>
    /// <param name="candidateRep">The rep of each candidate arc; distinct within a customer.</param>
    /// <param name="candidateCost">The cost of each candidate arc.</param>
    /// <param name="unassignedCost">Cost of leaving each customer unassigned (usually large); ignored for locked customers.</param>
    /// <param name="capacity">Accounts per rep (0: gets nothing, e.g. inactive; <see cref="NoLimit"/>).</param>
    /// <param name="tierCapacity">[rep, tier] accounts per rep per tier; null: no limits.</param>
    /// <param name="repLoadCost">Convex cost of each rep's total count; null: none.</param>
    /// <param name="tierLoadCost">[rep, tier] convex cost of each rep's count in a tier; null: none.</param>
    /// <param name="fixedRep">The rep each customer is locked to, or <see cref="None"/>; null: none locked. The
    /// locked rep must be one of the customer's candidates (its cost counts) and its capacity is used.</param>
    /// <exception cref="ArgumentException">Inconsistent lengths, an index out of range, a repeated candidate,
    /// a cost out of range, a negative capacity or a locked rep that is not a candidate.</exception>
    public AssignmentProblem(int repCount, int tierCount, int[] customerTier, int[] candidateStart, int[] candidateRep,
        long[] candidateCost, long[] unassignedCost, int[] capacity, int[,]? tierCapacity = null,
        LoadCost[]? repLoadCost = null, LoadCost[,]? tierLoadCost = null, int[]? fixedRep = null)
    {
        ArgumentNullException.ThrowIfNull(customerTier);
        ArgumentNullException.ThrowIfNull(candidateStart);
        ArgumentNullException.ThrowIfNull(candidateRep);
        ArgumentNullException.ThrowIfNull(candidateCost);
        ArgumentNullException.ThrowIfNull(unassignedCost);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(repCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(tierCount, 1);
        int n = customerTier.Length;
        RepCount = repCount;
        TierCount = tierCount;
        CustomerCount = n;
        if (candidateStart.Length != n + 1) throw Invalid(nameof(candidateStart), $"needs {n + 1} entries (customers + 1), has {candidateStart.Length}");
        if (candidateStart[0] != 0 || candidateStart[n] != candidateRep.Length) throw Invalid(nameof(candidateStart), "must start at 0 and end at the number of candidate arcs");
        if (candidateCost.Length != candidateRep.Length) throw Invalid(nameof(candidateCost), "must have one cost per candidate arc");
        if (unassignedCost.Length != n) throw Invalid(nameof(unassignedCost), "must have one entry per customer");
        if (capacity.Length != repCount) throw Invalid(nameof(capacity), "must have one entry per rep");
        if (repLoadCost is not null && repLoadCost.Length != repCount) throw Invalid(nameof(repLoadCost), "must have one entry per rep");
        if (tierCapacity is not null && (tierCapacity.GetLength(0) != repCount || tierCapacity.GetLength(1) != tierCount)) throw Invalid(nameof(tierCapacity), "must be [reps, tiers]");
        if (tierLoadCost is not null && (tierLoadCost.GetLength(0) != repCount || tierLoadCost.GetLength(1) != tierCount)) throw Invalid(nameof(tierLoadCost), "must be [reps, tiers]");
        if (fixedRep is not null && fixedRep.Length != n) throw Invalid(nameof(fixedRep), "must have one entry per customer");

        foreach (int c in capacity) if (c < 0) throw Invalid(nameof(capacity), "must not be negative");
        var seen = new int[repCount];
        for (int i = 0; i < n; i++)
        {
            if (customerTier[i] < 0 || customerTier[i] >= tierCount) throw Invalid(nameof(customerTier), $"customer {i} has tier {customerTier[i]}, outside 0..{tierCount - 1}");
            if (candidateStart[i] > candidateStart[i + 1]) throw Invalid(nameof(candidateStart), "must not decrease");
            if (OutOfRange(unassignedCost[i])) throw Invalid(nameof(unassignedCost), $"customer {i}: {unassignedCost[i]} is beyond ±{MaxAbsCost}");
            for (int a = candidateStart[i]; a < candidateStart[i + 1]; a++)
            {
                int r = candidateRep[a];
                if (r < 0 || r >= repCount) throw Invalid(nameof(candidateRep), $"customer {i} names rep {r}, outside 0..{repCount - 1}");
                if (seen[r] == i + 1) throw Invalid(nameof(candidateRep), $"customer {i} names rep {r} twice");
                seen[r] = i + 1;
                if (OutOfRange(candidateCost[a])) throw Invalid(nameof(candidateCost), $"customer {i}, rep {r}: {candidateCost[a]} is beyond ±{MaxAbsCost}");
            }
            if (fixedRep is not null && fixedRep[i] != None && (fixedRep[i] < 0 || fixedRep[i] >= repCount || seen[fixedRep[i]] != i + 1))
                throw Invalid(nameof(fixedRep), $"customer {i} is locked to rep {fixedRep[i]}, which is not one of its candidates");
        }

        _customerTier = customerTier;
        _candidateStart = candidateStart;
        _candidateRep = candidateRep;
        _candidateCost = candidateCost;
        _unassignedCost = unassignedCost;
        _capacity = capacity;
        _tierCapacity = new int[repCount * tierCount];
        _tierLoadCost = new LoadCost[repCount * tierCount];
        for (int r = 0; r < repCount; r++)
            for (int t = 0; t < tierCount; t++)
            {
                int cap = tierCapacity?[r, t] ?? NoLimit;
                if (cap < 0) throw Invalid(nameof(tierCapacity), "must not be negative");
                _tierCapacity[r * tierCount + t] = cap;
                _tierLoadCost[r * tierCount + t] = tierLoadCost?[r, t] ?? LoadCost.Zero;
            }
        _repLoadCost = repLoadCost is null ? Enumerable.Repeat(LoadCost.Zero, repCount).ToArray() : [.. repLoadCost.Select(c => c ?? LoadCost.Zero)];
        _fixedRep = fixedRep ?? Enumerable.Repeat(None, n).ToArray();
    }

    /// <summary>Number of reps R.</summary>
    public int RepCount { get; }

    /// <summary>Number of tiers T.</summary>
    public int TierCount { get; }

    /// <summary>Number of customers N.</summary>
    public int CustomerCount { get; }

    /// <summary>Number of candidate arcs (customer, rep) over all customers.</summary>
    public int CandidateCount => _candidateRep.Length;

    /// <summary>Tier of each customer.</summary>
    public ReadOnlySpan<int> CustomerTier => _customerTier;

    /// <summary>CSR row starts, N + 1 entries.</summary>
    public ReadOnlySpan<int> CandidateStart => _candidateStart;

    /// <summary>The rep of each candidate arc.</summary>
    public ReadOnlySpan<int> CandidateRep => _candidateRep;

    /// <summary>The cost of each candidate arc.</summary>
    public ReadOnlySpan<long> CandidateCost => _candidateCost;

    /// <summary>Cost of leaving each customer unassigned.</summary>
    public ReadOnlySpan<long> UnassignedCost => _unassignedCost;

    /// <summary>Accounts per rep.</summary>
    public ReadOnlySpan<int> Capacity => _capacity;

    /// <summary>The rep each customer is locked to, or <see cref="None"/>.</summary>
    public ReadOnlySpan<int> FixedRep => _fixedRep;

    /// <summary>Accounts rep <paramref name="rep"/> may hold in tier <paramref name="tier"/> (<see cref="NoLimit"/>: no limit).</summary>
    public int TierCapacity(int rep, int tier) => _tierCapacity[Slot(rep, tier)];

    /// <summary>The convex cost of rep <paramref name="rep"/>'s total count.</summary>
    public LoadCost RepLoadCost(int rep) => _repLoadCost[rep];

    /// <summary>The convex cost of rep <paramref name="rep"/>'s count in tier <paramref name="tier"/>.</summary>
    public LoadCost TierLoadCost(int rep, int tier) => _tierLoadCost[Slot(rep, tier)];

    /// <summary>Customer <paramref name="customer"/>'s candidate reps.</summary>
    public ReadOnlySpan<int> RepsOf(int customer) =>
        _candidateRep.AsSpan(_candidateStart[customer], _candidateStart[customer + 1] - _candidateStart[customer]);

    /// <summary>The costs of customer <paramref name="customer"/>'s candidates, aligned with <see cref="RepsOf"/>.</summary>
    public ReadOnlySpan<long> CostsOf(int customer) =>
        _candidateCost.AsSpan(_candidateStart[customer], _candidateStart[customer + 1] - _candidateStart[customer]);

    /// <summary>The arc index of (customer, rep), or −1 when the rep is not a candidate.</summary>
    public int ArcOf(int customer, int rep)
    {
        for (int a = _candidateStart[customer]; a < _candidateStart[customer + 1]; a++)
            if (_candidateRep[a] == rep) return a;
        return -1;
    }

    /// <summary>True when customer <paramref name="customer"/> is locked to a rep.</summary>
    public bool IsFixed(int customer) => _fixedRep[customer] != None;

    /// <summary>The hard constraints an assignment breaks, in words; empty when it is feasible.</summary>
    /// <param name="repOf">Rep of each customer, −1 for unassigned.</param>
    public IReadOnlyList<string> Violations(ReadOnlySpan<int> repOf)
    {
        var problems = new List<string>();
        if (repOf.Length != CustomerCount)
        {
            problems.Add($"{repOf.Length} customers given, the problem has {CustomerCount}");
            return problems;
        }
        var (count, tierCount) = Loads(repOf, problems);
        for (int r = 0; r < RepCount; r++)
        {
            if (count[r] > _capacity[r]) problems.Add($"rep {r} holds {count[r]} accounts, capacity {_capacity[r]}");
            for (int t = 0; t < TierCount; t++)
                if (tierCount[Slot(r, t)] > _tierCapacity[Slot(r, t)])
                    problems.Add($"rep {r} holds {tierCount[Slot(r, t)]} accounts of tier {t}, capacity {_tierCapacity[Slot(r, t)]}");
        }
        return problems;
    }

    /// <summary>The objective of a feasible assignment (see the remarks on the type).</summary>
    /// <param name="repOf">Rep of each customer, −1 for unassigned.</param>
    /// <exception cref="ArgumentException">The assignment breaks a hard constraint; the message says which.</exception>
    public long Cost(ReadOnlySpan<int> repOf)
    {
        var problems = Violations(repOf);
        if (problems.Count > 0) throw new ArgumentException("infeasible assignment: " + string.Join("; ", problems.Take(5)), nameof(repOf));
        var (count, tierCount) = Loads(repOf, []);
        long total = 0;
        for (int i = 0; i < CustomerCount; i++)
            total += repOf[i] == None ? _unassignedCost[i] : _candidateCost[ArcOf(i, repOf[i])];
        for (int r = 0; r < RepCount; r++)
        {
            total += _repLoadCost[r].Total(count[r]);
            for (int t = 0; t < TierCount; t++) total += _tierLoadCost[Slot(r, t)].Total(tierCount[Slot(r, t)]);
        }
        return total;
    }

    internal int Slot(int rep, int tier) => rep * TierCount + tier;

    internal int[] TierCapacityArray => _tierCapacity;

    internal int[] CustomerTierArray => _customerTier;

    internal int[] CandidateStartArray => _candidateStart;

    internal int[] CandidateRepArray => _candidateRep;

    internal long[] CandidateCostArray => _candidateCost;

    internal long[] UnassignedCostArray => _unassignedCost;

    internal int[] FixedRepArray => _fixedRep;

    internal LoadCost[] TierLoadCostArray => _tierLoadCost;

    internal LoadCost[] RepLoadCostArray => _repLoadCost;

    private (int[] Count, int[] TierCount) Loads(ReadOnlySpan<int> repOf, List<string> problems)
    {
        var count = new int[RepCount];
        var tierCount = new int[RepCount * TierCount];
        for (int i = 0; i < CustomerCount; i++)
        {
            int r = repOf[i];
            if (r == None)
            {
                if (IsFixed(i)) problems.Add($"customer {i} is locked to rep {_fixedRep[i]} but unassigned");
                continue;
            }
            if (ArcOf(i, r) < 0)
            {
                problems.Add($"customer {i} went to rep {r}, which is not one of its candidates");
                continue;
            }
            if (IsFixed(i) && _fixedRep[i] != r) problems.Add($"customer {i} is locked to rep {_fixedRep[i]} but went to rep {r}");
            count[r]++;
            tierCount[Slot(r, _customerTier[i])]++;
        }
        return (count, tierCount);
    }

    private static bool OutOfRange(long cost) => cost > MaxAbsCost || cost < -MaxAbsCost;

    private static ArgumentException Invalid(string parameter, string message) => new(parameter + " " + message, parameter);
}
