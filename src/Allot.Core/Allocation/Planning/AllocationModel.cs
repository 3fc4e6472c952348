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

        FairShare = FairShares();
        Priority = [.. Customers.Select(c => c.Value)];
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

    public double[] Priority { get; }

    public AssignmentProblem Problem { get; }

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
        for (int k = Problem.CandidateStart[i]; k < Problem.CandidateStart[i + 1]; k++) yield return Problem.CandidateRep[k];
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
    public long[] RepShadowPrices(AssignmentSolution solution) => solution.RepShadowPrice;

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
        int n = Customers.Count;
        var start = new int[n + 1];
        var reps = new List<int>(n * 4);
        var costs = new List<long>(n * 4);
        var fixedRep = new int[n];
        var scratch = new List<(long Cost, int Rep)>();
        for (int i = 0; i < n; i++)
        {
            start[i] = reps.Count;
            fixedRep[i] = -1;
            var c = Customers[i];
            int owner = c.Owner is not null && RepIndex.TryGetValue(c.Owner, out int o) ? o : -1;
            if (FixedReason[i] is not null && owner >= 0)
            {
                fixedRep[i] = owner;
                reps.Add(owner);
                costs.Add(FitModel.CostOf(Fit.Fit(c, Reps[owner]).Total));
                continue;
            }
            scratch.Clear();
            foreach (int r in Eligible(i)) scratch.Add((FitModel.CostOf(Fit.Fit(c, Reps[r]).Total), r));
            scratch.Sort();
            int keep = Policy.Candidates <= 0 ? scratch.Count : Math.Min(Policy.Candidates, scratch.Count);
            for (int k = 0; k < keep; k++)
            {
                reps.Add(scratch[k].Rep);
                costs.Add(scratch[k].Cost);
            }
            // The current owner always stays a candidate, so keeping a relationship is never pruned away.
            if (owner >= 0 && scratch.FindIndex(x => x.Rep == owner) is int at && at >= keep)
            {
                reps.Add(owner);
                costs.Add(scratch[at].Cost);
            }
        }
        start[n] = reps.Count;
        var tierCapacity = new int[Reps.Count, Tiers.Count];
        for (int r = 0; r < Reps.Count; r++)
            for (int t = 0; t < Tiers.Count; t++)
                tierCapacity[r, t] = Reps[r].CapacityByTier.TryGetValue(Tiers[t], out int cap) ? cap : int.MaxValue;
        return new AssignmentProblem
        {
            RepCount = Reps.Count,
            TierCount = Tiers.Count,
            CustomerCount = n,
            CustomerTier = TierOf,
            CandidateStart = start,
            CandidateRep = [.. reps],
            CandidateCost = [.. costs],
            UnassignedCost = Allocator.UnassignedCost,
            Capacity = Capacity,
            TierCapacity = tierCapacity,
            Weight = Weight,
            FairShare = [.. FairShare.Select(f => (long)Math.Ceiling(f))],
            BalanceSlope = (long)Math.Round(Policy.BalanceWeight * 100),
            FixedRep = fixedRep,
        };
    }
}
