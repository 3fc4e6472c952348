using Allot.Core.Allocation.Policies;
using Allot.Core.Reps;

namespace Allot.Core.Allocation.Planning;

/// <summary>The book as the solver sees it: customers and reps by index, tiers, capacities, fair shares, fixed
/// assignments and each customer's candidate reps with their costs.</summary>
internal sealed class AllocationModel
{
    private readonly Dictionary<string, int[]> _repsByRegion;
    private readonly int[] _repsForAll;

    private AllocationModel(AllocationRequest request)
    {
        Policy = request.Policy;
        Tiers = request.RunTiers.Count > 0 ? request.RunTiers : ["all"];
        Fit = new FitModel(Policy, Tiers);
        Reps = [.. request.Reps.OrderBy(r => r.Key, StringComparer.Ordinal)];
        RepIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < Reps.Count; r++) RepIndex[Reps[r].Key] = r;
        Capacity = new int[Reps.Count];
        for (int r = 0; r < Reps.Count; r++)
        {
            var rep = Reps[r];
            int cap = request.CapacityOverrides.TryGetValue(rep.Key, out int o) ? o : rep.Capacity ?? Policy.DefaultCapacity;
            Capacity[r] = !rep.Active || request.WithoutReps.Contains(rep.Key) ? 0 : Math.Max(0, cap);
        }
        Weight = [.. Tiers.Select(Fit.WorkloadOf)];
        Customers = [.. request.Customers.Where(c => !c.InPool || Policy.IncludePool).OrderBy(c => c.Key, StringComparer.Ordinal)];
        TierOf = new int[Customers.Count];
        var tierIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < Tiers.Count; t++) tierIndex.TryAdd(Tiers[t], t);
        for (int i = 0; i < Customers.Count; i++)
            TierOf[i] = tierIndex.TryGetValue(Customers[i].Tier, out int t) ? t : Tiers.Count - 1;

        // Which reps serve which region (reps listing no region serve all).
        var byRegion = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var forAll = new List<int>();
        for (int r = 0; r < Reps.Count; r++)
        {
            if (Reps[r].Regions.Count == 0) forAll.Add(r);
            foreach (string region in Reps[r].Regions)
            {
                if (!byRegion.TryGetValue(region, out var list)) byRegion[region] = list = [];
                list.Add(r);
            }
        }
        _repsByRegion = byRegion.ToDictionary(x => x.Key, x => x.Value.Concat(forAll).Distinct().Order().ToArray(), StringComparer.Ordinal);
        _repsForAll = [.. forAll];

        FixedReason = new string?[Customers.Count];
        var locked = new HashSet<string>(Policy.Locked, StringComparer.Ordinal);
        var doNotMove = new HashSet<string>(Policy.DoNotMove, StringComparer.Ordinal);
        for (int i = 0; i < Customers.Count; i++)
        {
            var c = Customers[i];
            if (c.Owner is null || !RepIndex.TryGetValue(c.Owner, out int owner) || request.WithoutReps.Contains(c.Owner)) continue;
            FixedReason[i] = locked.Contains(c.Key) ? "locked"
                : doNotMove.Contains(c.Key) ? "do-not-move list"
                : Policy.LockKeyAccounts && c.KeyAccount ? "key account"
                : request.NewOnly ? "new-only run: owned customers keep their owner"
                : null;
            _ = owner;
        }

        OwnerOf = [.. Customers.Select(c => c.Owner is not null && RepIndex.TryGetValue(c.Owner, out int o) ? o : -1)];
        FairShare = FairShares();
        Priority = [.. Customers.Select(c => (long)Math.Round(c.Value * 100))];
        Problem = BuildProblem();
    }

    public AllocationPolicy Policy { get; }

    public IReadOnlyList<string> Tiers { get; }

    public FitModel Fit { get; }

    public IReadOnlyList<Rep> Reps { get; }

    public Dictionary<string, int> RepIndex { get; }

    public int[] Capacity { get; }

    public int[] Weight { get; }

    public IReadOnlyList<AllocationCustomer> Customers { get; }

    public int[] TierOf { get; }

    public string?[] FixedReason { get; }

    public double[] FairShare { get; }

    public long[] Priority { get; }

    public AssignmentProblem Problem { get; }

    /// <summary>Each customer's current owner by index, or -1.</summary>
    public int[] OwnerOf { get; private set; } = [];

    /// <summary>The problem with <paramref name="bonus"/> taken off the cost of every current-owner candidate.</summary>
    public AssignmentProblem WithOwnerBonus(long bonus)
    {
        var p = Problem;
        var costs = p.CandidateCost.ToArray();
        var reps = p.CandidateRep;
        for (int i = 0; i < p.CustomerCount; i++)
        {
            if (OwnerOf[i] < 0 || p.IsFixed(i)) continue;
            for (int a = p.CandidateStart[i]; a < p.CandidateStart[i + 1]; a++)
                if (reps[a] == OwnerOf[i]) costs[a] = Math.Max(-AssignmentProblem.MaxAbsCost, costs[a] - bonus);
        }
        var tierCapacity = new int[p.RepCount, p.TierCount];
        var tierLoad = new LoadCost[p.RepCount, p.TierCount];
        var repLoad = new LoadCost[p.RepCount];
        for (int r = 0; r < p.RepCount; r++)
        {
            repLoad[r] = p.RepLoadCost(r);
            for (int t = 0; t < p.TierCount; t++)
            {
                tierCapacity[r, t] = p.TierCapacity(r, t);
                tierLoad[r, t] = p.TierLoadCost(r, t);
            }
        }
        return new AssignmentProblem(p.RepCount, p.TierCount, p.CustomerTier.ToArray(), p.CandidateStart.ToArray(), reps.ToArray(), costs,
            p.UnassignedCost.ToArray(), p.Capacity.ToArray(), tierCapacity, repLoad, tierLoad, p.FixedRep.ToArray());
    }

    public static AllocationModel Build(AllocationRequest request) => new(request);

    /// <summary>Reps the policy lets take customer <paramref name="i"/>, by index.</summary>
    public IEnumerable<int> Eligible(int i)
    {
        var c = Customers[i];
        IEnumerable<int> pool = Policy.Region == RegionRule.Soft || c.Region is null ? Enumerable.Range(0, Reps.Count)
            : _repsByRegion.TryGetValue(c.Region, out var list) ? list : _repsForAll;
        foreach (int r in pool)
            if (Reps[r].Active && Capacity[r] > 0) yield return r;
    }

    /// <summary>The candidate reps the problem holds for customer <paramref name="i"/>.</summary>
    public IEnumerable<int> AllCandidates(int i)
    {
        int start = Problem.CandidateStart[i], end = Problem.CandidateStart[i + 1];
        for (int k = start; k < end; k++) yield return Problem.CandidateRep[k];
    }

    /// <summary>The capacity of the reps serving a region, a rep serving several regions counted in equal parts.</summary>
    public double RegionCapacity(string region)
    {
        double sum = 0;
        for (int r = 0; r < Reps.Count; r++)
        {
            var regions = Reps[r].Regions;
            if (regions.Count == 0) continue;
            if (regions.Contains(region, StringComparer.Ordinal)) sum += Capacity[r] / (double)regions.Count;
        }
        return sum;
    }

    /// <summary>Per rep, the shadow price of one more account of capacity.</summary>
    public long[] RepShadowPrices(AssignmentSolution solution) => [.. Enumerable.Range(0, Reps.Count).Select(solution.RepShadowPrice)];

    private double[] FairShares()
    {
        // Each region's workload is shared among the reps serving it in proportion to their capacity.
        var share = new double[Reps.Count];
        var regionLoad = new Dictionary<string, long>(StringComparer.Ordinal);
        long unknownRegion = 0;
        for (int i = 0; i < Customers.Count; i++)
        {
            string? region = Customers[i].Region;
            if (region is null) unknownRegion += Weight[TierOf[i]];
            else regionLoad[region] = regionLoad.GetValueOrDefault(region) + Weight[TierOf[i]];
        }
        void Spread(IEnumerable<int> reps, double load)
        {
            var list = reps.Where(r => Capacity[r] > 0).ToList();
            double cap = list.Sum(r => (double)Capacity[r]);
            if (cap <= 0) return;
            foreach (int r in list) share[r] += load * Capacity[r] / cap;
        }
        foreach (var (region, load) in regionLoad.OrderBy(x => x.Key, StringComparer.Ordinal))
            Spread(_repsByRegion.TryGetValue(region, out var list) ? list : _repsForAll, load);
        Spread(Enumerable.Range(0, Reps.Count), unknownRegion);
        return share;
    }

    private AssignmentProblem BuildProblem()
    {
        // Locked customers beyond a rep's capacity would make the book infeasible: the rep's capacity is raised to
        // hold them (they stay, as the policy says), and nothing else goes there.
        int n = Customers.Count;
        var lockedAt = new int[Reps.Count];
        for (int i = 0; i < n; i++)
            if (FixedReason[i] is not null && Customers[i].Owner is { } o && RepIndex.TryGetValue(o, out int r)) lockedAt[r]++;
        for (int r = 0; r < Reps.Count; r++) Capacity[r] = Math.Max(Capacity[r], lockedAt[r]);

        var builder = new AssignmentProblemBuilder(Reps.Count, Tiers.Count);
        var scratch = new List<(long Cost, int Rep)>();
        var repBuffer = new List<int>();
        var costBuffer = new List<long>();
        for (int i = 0; i < n; i++)
        {
            var c = Customers[i];
            int owner = c.Owner is not null && RepIndex.TryGetValue(c.Owner, out int o) ? o : -1;
            if (FixedReason[i] is not null && owner >= 0)
            {
                builder.AddCustomer(TierOf[i], Allocator.UnassignedCost, [owner], [FitModel.CostOf(Fit.Fit(c, Reps[owner]).Total)], owner);
                continue;
            }
            scratch.Clear();
            foreach (int r in Eligible(i)) scratch.Add((FitModel.CostOf(Fit.Fit(c, Reps[r]).Total), r));
            scratch.Sort();
            repBuffer.Clear();
            costBuffer.Clear();
            foreach (var (cost, r) in scratch)
            {
                repBuffer.Add(r);
                costBuffer.Add(cost);
            }
            builder.AddCustomer(TierOf[i], Allocator.UnassignedCost, [.. repBuffer], [.. costBuffer]);
        }
        var tierCustomers = new int[Tiers.Count];
        foreach (int t in TierOf) tierCustomers[t]++;
        long weighted = 0;
        for (int t = 0; t < Tiers.Count; t++) weighted += (long)Weight[t] * tierCustomers[t];
        long slope = (long)Math.Round(Policy.BalanceWeight * 100);
        for (int r = 0; r < Reps.Count; r++)
        {
            builder.SetCapacity(r, Capacity[r]);
            for (int t = 0; t < Tiers.Count; t++)
            {
                if (Reps[r].CapacityByTier.TryGetValue(Tiers[t], out int cap)) builder.SetTierCapacity(r, t, Math.Max(0, cap));
                if (slope > 0 && weighted > 0)
                    builder.SetTierLoadCost(r, t, Balance(FairShare[r] * tierCustomers[t] / weighted, slope * Weight[t]));
            }
        }
        return builder.Build();
    }

    /// <summary>The balance cost of a rep's accounts in one tier: free up to its fair count, then a marginal cost that
    /// doubles as the load passes 10 %, 25 % and 50 % above it (convex, so the problem stays a min-cost flow).</summary>
    public static LoadCost Balance(double fairCount, long unitCost)
    {
        int fair = (int)Math.Round(fairCount, MidpointRounding.AwayFromZero);
        int[] ends = [fair, fair + Math.Max(1, (int)Math.Ceiling(fair * 0.10)), fair + Math.Max(2, (int)Math.Ceiling(fair * 0.25)), fair + Math.Max(3, (int)Math.Ceiling(fair * 0.50))];
        long[] slopes = [0, unitCost, 2 * unitCost, 4 * unitCost, 8 * unitCost];
        var keptEnds = new List<int>();
        var keptSlopes = new List<long> { slopes[0] };
        for (int k = 0; k < ends.Length; k++)
        {
            if (ends[k] <= 0) { keptSlopes[^1] = slopes[k + 1]; continue; } // an empty first segment: start at the next slope
            if (keptEnds.Count > 0 && ends[k] <= keptEnds[^1]) continue;
            keptEnds.Add(ends[k]);
            keptSlopes.Add(slopes[k + 1]);
        }
        return LoadCost.Piecewise([.. keptEnds], [.. keptSlopes]);
    }
}
