using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

/// <summary>A random assignment problem with its load costs also kept as explicit lists of marginal costs (unit k at
/// index k − 1), so brute force can price loads without <see cref="LoadCost"/>.</summary>
internal sealed record RandomProblem(AssignmentProblem Problem, long[][] RepMarginal, long[][] SlotMarginal);

/// <summary>How random problems look.</summary>
internal sealed record Shape
{
    public double CandidateChance { get; init; } = 0.6;
    public int Regions { get; init; } = 1;
    public double LockChance { get; init; } = 0.1;
    public double UnlimitedChance { get; init; } = 0.2;
    public double TierLimitChance { get; init; } = 0.3;
    public int MinCost { get; init; } = -20;
    public int MaxCost { get; init; } = 100;
    public int MaxUnassignedCost { get; init; } = 150;
    public bool LoadCosts { get; init; } = true;
    /// <summary>Capacity per rep drawn from 0..(customers / reps + Slack).</summary>
    public int Slack { get; init; } = 2;
}

internal static class RandomProblems
{
    public static RandomProblem Create(int seed, int customers, int reps, int tiers, Shape? shape = null)
    {
        shape ??= new Shape();
        var rng = new Random(seed);
        var tier = new int[customers];
        var start = new int[customers + 1];
        var rep = new List<int>();
        var cost = new List<long>();
        var unassigned = new long[customers];
        for (int i = 0; i < customers; i++)
        {
            tier[i] = rng.Next(tiers);
            int region = rng.Next(shape.Regions);
            for (int r = 0; r < reps; r++)
                if (r % shape.Regions == region && rng.NextDouble() < shape.CandidateChance)
                {
                    rep.Add(r);
                    cost.Add(rng.Next(shape.MinCost, shape.MaxCost + 1));
                }
            start[i + 1] = rep.Count;
            unassigned[i] = rng.Next(0, shape.MaxUnassignedCost + 1);
        }
        // Shuffle each customer's candidates so the solver never relies on sorted rows.
        var repArray = rep.ToArray();
        var costArray = cost.ToArray();
        for (int i = 0; i < customers; i++)
            for (int a = start[i + 1] - 1; a > start[i]; a--)
            {
                int b = rng.Next(start[i], a + 1);
                (repArray[a], repArray[b]) = (repArray[b], repArray[a]);
                (costArray[a], costArray[b]) = (costArray[b], costArray[a]);
            }

        var capacity = new int[reps];
        var tierCapacity = new int[reps, tiers];
        for (int r = 0; r < reps; r++)
        {
            capacity[r] = rng.NextDouble() < shape.UnlimitedChance ? AssignmentProblem.NoLimit : rng.Next(0, customers / Math.Max(1, reps) + shape.Slack + 1);
            for (int t = 0; t < tiers; t++)
                tierCapacity[r, t] = rng.NextDouble() < shape.TierLimitChance ? rng.Next(0, 4) : AssignmentProblem.NoLimit;
        }

        var fixedRep = Enumerable.Repeat(AssignmentProblem.None, customers).ToArray();
        var locked = new int[reps];
        var lockedInTier = new int[reps, tiers];
        for (int i = 0; i < customers; i++)
        {
            if (start[i] == start[i + 1] || rng.NextDouble() >= shape.LockChance) continue;
            int r = repArray[rng.Next(start[i], start[i + 1])];
            if (locked[r] < capacity[r] && lockedInTier[r, tier[i]] < tierCapacity[r, tier[i]])
            {
                fixedRep[i] = r;
                locked[r]++;
                lockedInTier[r, tier[i]]++;
            }
        }

        var repLoad = new LoadCost[reps];
        var repMarginal = new long[reps][];
        var tierLoad = new LoadCost[reps, tiers];
        var slotMarginal = new long[reps * tiers][];
        for (int r = 0; r < reps; r++)
        {
            (repLoad[r], repMarginal[r]) = shape.LoadCosts ? RandomLoadCost(rng, customers) : (LoadCost.Zero, new long[customers + 1]);
            for (int t = 0; t < tiers; t++)
                (tierLoad[r, t], slotMarginal[r * tiers + t]) = shape.LoadCosts ? RandomLoadCost(rng, customers) : (LoadCost.Zero, new long[customers + 1]);
        }
        var problem = new AssignmentProblem(reps, tiers, tier, start, repArray, costArray, unassigned, capacity,
            tierCapacity, repLoad, tierLoad, fixedRep);
        return new RandomProblem(problem, repMarginal, slotMarginal);
    }

    /// <summary>0–2 breakpoints, slopes from −10..10 rising by 0..15 per segment; the marginals listed explicitly.</summary>
    private static (LoadCost Cost, long[] Marginal) RandomLoadCost(Random rng, int customers)
    {
        int segments = rng.Next(0, 3);
        var ends = new List<int>();
        for (int e = 1; e <= Math.Max(1, customers); e++)
            if (ends.Count < segments && rng.NextDouble() < 0.4) ends.Add(e);
        var slopes = new long[ends.Count + 1];
        slopes[0] = rng.Next(-10, 11);
        for (int j = 1; j < slopes.Length; j++) slopes[j] = slopes[j - 1] + rng.Next(0, 16);
        var marginal = new long[customers + 1];
        for (int k = 1; k <= marginal.Length; k++)
        {
            int j = 0;
            while (j < ends.Count && k > ends[j]) j++;
            marginal[k - 1] = slopes[j];
        }
        return (LoadCost.Piecewise([.. ends], slopes), marginal);
    }
}
