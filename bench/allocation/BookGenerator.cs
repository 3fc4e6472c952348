using Allot.Core.Allocation;
using Allot.Core.Classification.Clustering;

namespace Allot.AllocationBench;

/// <summary>A synthetic book to allocate: regions of reps and customers, every active rep of a customer's region a
/// candidate, costs shaped like a real fit.</summary>
/// <remarks>
/// Fit points (higher is better), turned into cost = 1000 − fit:
/// tier × rep level (A customers to seniors, C to juniors: up to 400), industry match (+200 when the rep covers the
/// customer's industry), continuity (+300 for the current owner, which 70 % of customers have) and a personal
/// affinity of 0–99 (a hash of customer and rep: language, distance, past contact). Tiers A/B/C are 15/30/55 % of
/// customers with workload weights 3/2/1. Per region, capacity is 1.1 × its customers split by level
/// (junior 1.0, mid 1.2, senior 0.8); 5 % of reps are inactive (capacity 0); a junior may hold A accounts up to
/// 5 % of its capacity. Balance: each rep's fair share of the region's weighted load (by capacity), split per tier
/// (<see cref="BalanceCosts"/>), costs 40 per weighted unit beyond it. Unassigned costs 5000 / 3000 / 2000 (A/B/C).
/// </remarks>
internal static class BookGenerator
{
    private static readonly int[,] TierLevelFit = { { 0, 250, 400 }, { 150, 250, 200 }, { 250, 150, 0 } };
    private static readonly int[] Weight = [3, 2, 1];
    private static readonly long[] UnassignedCost = [5000, 3000, 2000];

    public sealed record Book(AssignmentProblem Problem, long[] Priority, int Regions);

    public static Book Generate(int customers, int reps, int regions, ulong seed)
    {
        var rng = new SplitMix64(seed);
        regions = Math.Min(regions, reps);
        // Reps: region r % regions; level; industries as a 12-bit mask; 5 % inactive.
        var repRegion = new int[reps];
        var level = new int[reps];
        var industries = new int[reps];
        var active = new bool[reps];
        for (int r = 0; r < reps; r++)
        {
            repRegion[r] = r % regions;
            double u = rng.NextDouble();
            level[r] = u < 0.4 ? 0 : u < 0.8 ? 1 : 2;
            int count = 1 + rng.NextInt(3);
            for (int k = 0; k < count; k++) industries[r] |= 1 << rng.NextInt(12);
            active[r] = rng.NextDouble() >= 0.05;
        }
        var regionReps = Enumerable.Range(0, regions).Select(g => Enumerable.Range(0, reps).Where(r => repRegion[r] == g && active[r]).ToArray()).ToArray();
        var regionAll = Enumerable.Range(0, regions).Select(g => Enumerable.Range(0, reps).Where(r => repRegion[r] == g).ToArray()).ToArray();

        // Customers: regions of uneven size (weights 0.5..1.5).
        var regionWeight = Enumerable.Range(0, regions).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        double weightSum = regionWeight.Sum();
        var tier = new int[customers];
        var region = new int[customers];
        var industry = new int[customers];
        var owner = new int[customers];
        var priority = new long[customers];
        var start = new int[customers + 1];
        var regionCustomers = new int[regions];
        var regionTier = new int[regions, 3];
        for (int i = 0; i < customers; i++)
        {
            double u = rng.NextDouble() * weightSum;
            int g = 0;
            while (g < regions - 1 && u >= regionWeight[g]) u -= regionWeight[g++];
            region[i] = g;
            double t = rng.NextDouble();
            tier[i] = t < 0.15 ? 0 : t < 0.45 ? 1 : 2;
            industry[i] = rng.NextInt(12);
            owner[i] = rng.NextDouble() < 0.7 && regionReps[g].Length > 0 ? regionReps[g][rng.NextInt(regionReps[g].Length)] : -1;
            priority[i] = (3 - tier[i]) * 1_000_000L + rng.NextInt(1_000_000);
            start[i + 1] = start[i] + regionReps[g].Length;
            regionCustomers[g]++;
            regionTier[g, tier[i]]++;
        }
        var candidateRep = new int[start[customers]];
        var candidateCost = new long[start[customers]];
        var unassigned = new long[customers];
        for (int i = 0; i < customers; i++)
        {
            var candidates = regionReps[region[i]];
            for (int k = 0; k < candidates.Length; k++)
            {
                int r = candidates[k];
                int fit = TierLevelFit[tier[i], level[r]]
                    + ((industries[r] >> industry[i] & 1) == 1 ? 200 : 0)
                    + (owner[i] == r ? 300 : 0)
                    + (int)(SplitMix64.Mix(seed ^ ((ulong)i << 20) ^ (ulong)r) % 100);
                candidateRep[start[i] + k] = r;
                candidateCost[start[i] + k] = 1000 - fit;
            }
            unassigned[i] = UnassignedCost[tier[i]];
        }

        var capacity = new int[reps];
        var tierCapacity = new int[reps, 3];
        var fairShare = new long[reps];
        var tierLoad = new LoadCost[reps, 3];
        double[] levelShare = [1.0, 1.2, 0.8];
        for (int g = 0; g < regions; g++)
        {
            double shares = regionReps[g].Sum(r => levelShare[level[r]]);
            long weighted = 0;
            for (int t = 0; t < 3; t++) weighted += (long)Weight[t] * regionTier[g, t];
            foreach (int r in regionAll[g])
            {
                if (!active[r]) continue;
                double share = levelShare[level[r]] / shares;
                capacity[r] = (int)Math.Ceiling(1.1 * regionCustomers[g] * share);
                fairShare[r] = (long)Math.Round(weighted * share);
            }
            var costs = BalanceCosts.PerTier([.. regionAll[g].Select(r => fairShare[r])], Weight, [regionTier[g, 0], regionTier[g, 1], regionTier[g, 2]], 40);
            for (int k = 0; k < regionAll[g].Length; k++)
            {
                int r = regionAll[g][k];
                for (int t = 0; t < 3; t++)
                {
                    tierLoad[r, t] = costs[k, t];
                    tierCapacity[r, t] = t == 0 && level[r] == 0 ? capacity[r] / 20 : AssignmentProblem.NoLimit;
                }
            }
        }
        var problem = new AssignmentProblem(reps, 3, tier, start, candidateRep, candidateCost, unassigned, capacity, tierCapacity, tierLoadCost: tierLoad);
        return new Book(problem, priority, regions);
    }
}
