namespace Allot.Core.Allocation;

/// <summary>Solving a problem with many candidates per customer on its k cheapest only, with a proof — or a repair —
/// that nothing was lost.</summary>
/// <remarks>
/// The pruned optimum comes with prices (duals) under which no arc of the pruned network has a negative reduced
/// cost. If no pruned-away arc has one either — c(i, r) + SlotPrice(r, tier of i) ≥ CustomerPrice[i] — the same flow
/// and prices satisfy the optimality conditions of the full network, so the pruned optimum is the full optimum. If
/// some arcs do, they are added back and the problem is solved again; arcs are only ever added, so this ends, at
/// worst with the full problem.
/// </remarks>
public static class CandidatePruning
{
    /// <summary>The problem with each customer's <paramref name="k"/> cheapest candidates (ties to the lower rep);
    /// a locked customer keeps its rep.</summary>
    public static AssignmentProblem TopK(AssignmentProblem problem, int k)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return Keep(problem, TopKArcs(problem, k));
    }

    /// <summary>The optimum of <paramref name="full"/>, found by solving it on the top-<paramref name="k"/>
    /// candidates and adding back any pruned arc whose reduced cost is negative until none is.</summary>
    public static PrunedSolution Solve(AssignmentProblem full, int k, AssignmentSolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        options ??= AssignmentSolverOptions.Default;
        var keep = TopKArcs(full, k);
        int added = 0;
        var statistics = SolveStatistics.None;
        long[]? repPrice = null, slotPrice = null;
        int[]? previous = null;
        for (int round = 1; ; round++)
        {
            var pruned = Keep(full, keep);
            // After the first round, start from the last round's prices and assignment: only the added arcs are out of balance.
            var solution = AssignmentSolver.Solve(pruned, options, repPrice, slotPrice, previous, cancellationToken);
            statistics += solution.Statistics;
            if (solution.Status != AssignmentStatus.Optimal) return new PrunedSolution(solution, round, pruned.CandidateCount, added, pruned);
            int violated = AddViolated(full, solution, keep);
            if (violated == 0)
            {
                var optimal = AssignmentSolution.Optimal(full, solution.RepOf.ToArray(), solution.RepPrice.ToArray(),
                    solution.SlotPrices.ToArray(), statistics);
                return new PrunedSolution(optimal, round, pruned.CandidateCount, added, pruned);
            }
            added += violated;
            repPrice = solution.RepPrice.ToArray();
            slotPrice = solution.SlotPrices.ToArray();
            previous = solution.RepOf.ToArray();
        }
    }

    /// <summary>Marks every pruned arc with a negative reduced cost under the solution's prices; returns how many.</summary>
    private static int AddViolated(AssignmentProblem full, AssignmentSolution solution, bool[] keep)
    {
        int violated = 0;
        var starts = full.CandidateStart;
        var reps = full.CandidateRep;
        var costs = full.CandidateCost;
        for (int i = 0; i < full.CustomerCount; i++)
        {
            if (full.IsFixed(i)) continue;
            int t = full.CustomerTier[i];
            long price = solution.CustomerPrice[i];
            for (int a = starts[i]; a < starts[i + 1]; a++)
                if (!keep[a] && costs[a] + solution.SlotPrice(reps[a], t) < price)
                {
                    keep[a] = true;
                    violated++;
                }
        }
        return violated;
    }

    private static bool[] TopKArcs(AssignmentProblem p, int k)
    {
        var keep = new bool[p.CandidateCount];
        var starts = p.CandidateStart;
        var reps = p.CandidateRep;
        var costs = p.CandidateCost;
        var best = new int[k];
        for (int i = 0; i < p.CustomerCount; i++)
        {
            int s = starts[i], count = starts[i + 1] - s;
            if (count <= k)
            {
                keep.AsSpan(s, count).Fill(true);
                continue;
            }
            // The k best arcs so far, best first (insertion: rows are short and k small).
            int found = 0;
            for (int a = s; a < s + count; a++)
            {
                if (found == k && !Better(costs, reps, a, best[k - 1])) continue;
                int j = found < k ? found++ : k - 1;
                while (j > 0 && Better(costs, reps, a, best[j - 1]))
                {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = a;
            }
            foreach (int a in best) keep[a] = true;
            if (p.IsFixed(i)) keep[p.ArcOf(i, p.FixedRep[i])] = true;
        }
        return keep;
    }

    private static bool Better(ReadOnlySpan<long> costs, ReadOnlySpan<int> reps, int x, int y) =>
        costs[x] < costs[y] || (costs[x] == costs[y] && reps[x] < reps[y]);

    private static AssignmentProblem Keep(AssignmentProblem p, bool[] keep)
    {
        int n = p.CustomerCount;
        var starts = p.CandidateStart;
        var start = new int[n + 1];
        int kept = 0;
        foreach (bool b in keep) if (b) kept++;
        var rep = new int[kept];
        var cost = new long[kept];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            for (int a = starts[i]; a < starts[i + 1]; a++)
                if (keep[a])
                {
                    rep[k] = p.CandidateRep[a];
                    cost[k++] = p.CandidateCost[a];
                }
            start[i + 1] = k;
        }
        var tierCapacity = new int[p.RepCount, p.TierCount];
        var tierLoad = new LoadCost[p.RepCount, p.TierCount];
        for (int r = 0; r < p.RepCount; r++)
            for (int t = 0; t < p.TierCount; t++)
            {
                tierCapacity[r, t] = p.TierCapacity(r, t);
                tierLoad[r, t] = p.TierLoadCost(r, t);
            }
        return new AssignmentProblem(p.RepCount, p.TierCount, p.CustomerTier.ToArray(), start, rep, cost, p.UnassignedCost.ToArray(),
            p.Capacity.ToArray(), tierCapacity, p.RepLoadCostArray, tierLoad, p.FixedRep.ToArray());
    }
}
