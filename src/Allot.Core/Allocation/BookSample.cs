namespace Allot.Core.Allocation;

/// <summary>A systematic sample of a problem's customers with capacities and load-cost breakpoints scaled down
/// alike: its optimal prices estimate the full problem's, which makes a good start for it.</summary>
/// <remarks>Only a heuristic for the start: the solver is exact from any prices. The sample takes every
/// <see cref="Stride"/>-th customer (in index order, so any order of the book is sampled evenly); capacities and segment ends are divided by the stride and
/// rounded; a locked customer stays locked while the scaled capacities hold it, else it is free in the sample.</remarks>
internal static class BookSample
{
    public const int Stride = 8;

    /// <summary>Worth it when each rep still sees a fair number of sampled customers.</summary>
    public static bool Worthwhile(AssignmentProblem p) => p.CustomerCount >= 32L * (p.RepCount + 1);

    public static AssignmentProblem Of(AssignmentProblem p)
    {
        int n = (p.CustomerCount + Stride - 1) / Stride, reps = p.RepCount, tiers = p.TierCount;
        var capacity = new int[reps];
        var tierCapacity = new int[reps, tiers];
        var repLoad = new LoadCost[reps];
        var tierLoad = new LoadCost[reps, tiers];
        for (int r = 0; r < reps; r++)
        {
            capacity[r] = Scale(p.Capacity[r]);
            repLoad[r] = p.RepLoadCost(r).Scaled(Stride);
            for (int t = 0; t < tiers; t++)
            {
                tierCapacity[r, t] = Scale(p.TierCapacity(r, t));
                tierLoad[r, t] = p.TierLoadCost(r, t).Scaled(Stride);
            }
        }
        var tier = new int[n];
        var unassigned = new long[n];
        var fixedRep = new int[n];
        var start = new int[n + 1];
        var locked = new int[reps];
        var lockedInTier = new int[reps, tiers];
        var starts = p.CandidateStart;
        for (int k = 0; k < n; k++)
        {
            int i = k * Stride;
            tier[k] = p.CustomerTier[i];
            unassigned[k] = p.UnassignedCost[i];
            start[k + 1] = start[k] + starts[i + 1] - starts[i];
            int r = p.FixedRep[i];
            fixedRep[k] = AssignmentProblem.None;
            if (r != AssignmentProblem.None && locked[r] < capacity[r] && lockedInTier[r, tier[k]] < tierCapacity[r, tier[k]])
            {
                fixedRep[k] = r;
                locked[r]++;
                lockedInTier[r, tier[k]]++;
            }
        }
        var rep = new int[start[n]];
        var cost = new long[start[n]];
        for (int k = 0; k < n; k++)
        {
            p.RepsOf(k * Stride).CopyTo(rep.AsSpan(start[k]));
            p.CostsOf(k * Stride).CopyTo(cost.AsSpan(start[k]));
        }
        return new AssignmentProblem(reps, tiers, tier, start, rep, cost, unassigned, capacity, tierCapacity, repLoad, tierLoad, fixedRep);
    }

    private static int Scale(int capacity) => capacity == AssignmentProblem.NoLimit ? capacity : (int)(((long)capacity + Stride / 2) / Stride);
}
