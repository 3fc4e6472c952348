using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

/// <summary>Every assignment of a small problem, each checked and priced on its own (loads priced from the explicit
/// marginal lists, not through <see cref="LoadCost"/>): the least objective, or null when none is feasible.</summary>
internal static class BruteForce
{
    public static long? Optimum(RandomProblem rp)
    {
        var p = rp.Problem;
        int n = p.CustomerCount;
        var options = new int[n][];
        for (int i = 0; i < n; i++)
            options[i] = p.IsFixed(i) ? [p.FixedRep[i]] : [.. p.RepsOf(i).ToArray(), AssignmentProblem.None];
        var choice = new int[n];
        long? best = null;
        while (true)
        {
            long? cost = Price(rp, options, choice);
            if (cost is not null && (best is null || cost < best)) best = cost;
            int k = 0;
            while (k < n && ++choice[k] == options[k].Length) choice[k++] = 0;
            if (k == n) return best;
        }
    }

    /// <summary>The objective of one assignment, or null when it breaks a capacity; loads from the marginal lists.</summary>
    public static long? Price(RandomProblem rp, ReadOnlySpan<int> repOf)
    {
        var p = rp.Problem;
        int tiers = p.TierCount;
        var load = new int[p.RepCount];
        var tierLoad = new int[p.RepCount * tiers];
        long total = 0;
        for (int i = 0; i < p.CustomerCount; i++)
        {
            int r = repOf[i];
            if (r == AssignmentProblem.None)
            {
                if (p.IsFixed(i)) return null;
                total += p.UnassignedCost[i];
                continue;
            }
            int a = p.RepsOf(i).IndexOf(r);
            if (a < 0 || (p.IsFixed(i) && p.FixedRep[i] != r)) return null;
            total += p.CostsOf(i)[a];
            load[r]++;
            tierLoad[r * tiers + p.CustomerTier[i]]++;
        }
        for (int r = 0; r < p.RepCount; r++)
        {
            if (load[r] > p.Capacity[r]) return null;
            for (int k = 0; k < load[r]; k++) total += rp.RepMarginal[r][k];
            for (int t = 0; t < tiers; t++)
            {
                int s = r * tiers + t;
                if (tierLoad[s] > p.TierCapacity(r, t)) return null;
                for (int k = 0; k < tierLoad[s]; k++) total += rp.SlotMarginal[s][k];
            }
        }
        return total;
    }

    private static long? Price(RandomProblem rp, int[][] options, int[] choice)
    {
        var repOf = new int[choice.Length];
        for (int i = 0; i < choice.Length; i++) repOf[i] = options[i][choice[i]];
        return Price(rp, repOf);
    }
}
