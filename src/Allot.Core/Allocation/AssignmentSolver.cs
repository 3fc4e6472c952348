using System.Collections.Concurrent;

namespace Allot.Core.Allocation;

/// <summary>Finds the assignment of least objective for a whole book at once (an exact min-cost flow), with the
/// prices that prove it, and answers "why not this rep?" exactly.</summary>
/// <remarks>
/// The problem is split into independent components (customers whose candidate reps never meet, e.g. regions),
/// solved in parallel, each by successive shortest paths over its rep-side nodes (see docs/allocation.md). The
/// result is the same whatever the number of threads and their timing: every tie is broken by index.
/// </remarks>
public static class AssignmentSolver
{
    /// <summary>Solves <paramref name="problem"/> with the default options.</summary>
    public static AssignmentSolution Solve(AssignmentProblem problem, CancellationToken cancellationToken = default) =>
        Solve(problem, AssignmentSolverOptions.Default, cancellationToken);

    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <returns>An optimal solution, or an infeasible one when locked customers exceed a capacity.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static AssignmentSolution Solve(AssignmentProblem problem, AssignmentSolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        string? why = LockedOverCapacity(problem);
        if (why is not null) return AssignmentSolution.Infeasible(problem, why);

        var components = options.SplitComponents ? Component.Split(problem) : [];
        if (components.Count == 0) return Finish(problem, Run(problem, cancellationToken));

        var parts = new (AssignmentProblem Local, ComponentSolver Solver)[components.Count];
        var localRep = new int[problem.RepCount];
        // Largest first, handed out one at a time, so one big component does not end up last on a busy core.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(c => components[c].Customers.Length).ThenBy(c => c).ToArray();
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            c =>
            {
                var local = components[c].Extract(problem, localRep);
                parts[c] = (local, Run(local, cancellationToken));
            });

        var repOf = Enumerable.Repeat(AssignmentSolution.Unassigned, problem.CustomerCount).ToArray();
        var repPrice = new long[problem.RepCount];
        var slotPrice = new long[problem.RepCount * problem.TierCount];
        var statistics = SolveStatistics.None;
        for (int c = 0; c < components.Count; c++)
        {
            var (local, solver) = parts[c];
            var component = components[c];
            var localRepOf = solver.RepOf();
            for (int k = 0; k < component.Customers.Length; k++)
                if (localRepOf[k] != AssignmentSolution.Unassigned) repOf[component.Customers[k]] = component.Reps[localRepOf[k]];
            var (localRepPrice, localSlotPrice) = solver.Prices();
            for (int k = 0; k < component.Reps.Length; k++)
            {
                repPrice[component.Reps[k]] = localRepPrice[k];
                Array.Copy(localSlotPrice, k * local.TierCount, slotPrice, component.Reps[k] * problem.TierCount, local.TierCount);
            }
            statistics += Statistics(solver);
        }
        return AssignmentSolution.Optimal(problem, repOf, repPrice, slotPrice, statistics);
    }

    /// <summary>The exact change of the optimal objective if <paramref name="customer"/> had to go to
    /// <paramref name="rep"/> (or stay unassigned, for <see cref="AssignmentSolution.Unassigned"/>), with the chain
    /// of customers that would move to make room.</summary>
    /// <remarks>Computed as the cheapest cycle through the forced arc in the residual network of the optimal flow
    /// (every other part of a re-optimised flow is a cycle of non-negative cost), by Dijkstra under the solution's
    /// prices. The customer's component only is searched.</remarks>
    /// <exception cref="ArgumentException">The solution is not optimal for the problem, or an index is out of range.</exception>
    public static WhyNotAnswer WhyNot(AssignmentProblem problem, AssignmentSolution solution, int customer, int rep)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        return ResidualCycle.WhyNot(problem, solution, customer, rep);
    }

    private static ComponentSolver Run(AssignmentProblem problem, CancellationToken cancellationToken)
    {
        var solver = new ComponentSolver(problem);
        if (!solver.Run(cancellationToken))
            throw new InvalidOperationException("a locked customer found no path although the locks fit the capacities: a solver defect");
        return solver;
    }

    private static AssignmentSolution Finish(AssignmentProblem problem, ComponentSolver solver)
    {
        var (repPrice, slotPrice) = solver.Prices();
        return AssignmentSolution.Optimal(problem, solver.RepOf(), repPrice, slotPrice, Statistics(solver) with { Components = 1 });
    }

    private static SolveStatistics Statistics(ComponentSolver solver) =>
        new(1, solver.Augmentations, solver.Searches, solver.Relocations, solver.SettledNodes);

    /// <summary>The only way the problem can be infeasible: more locked customers at a rep (or rep and tier) than
    /// its capacity. Otherwise leaving every free customer unassigned is feasible.</summary>
    private static string? LockedOverCapacity(AssignmentProblem p)
    {
        var locked = new int[p.RepCount];
        var lockedInTier = new int[p.RepCount * p.TierCount];
        for (int i = 0; i < p.CustomerCount; i++)
            if (p.IsFixed(i))
            {
                locked[p.FixedRep[i]]++;
                lockedInTier[p.Slot(p.FixedRep[i], p.CustomerTier[i])]++;
            }
        for (int r = 0; r < p.RepCount; r++)
        {
            if (locked[r] > p.Capacity[r]) return $"rep {r} has {locked[r]} locked customers but capacity {p.Capacity[r]}";
            for (int t = 0; t < p.TierCount; t++)
                if (lockedInTier[p.Slot(r, t)] > p.TierCapacity(r, t))
                    return $"rep {r} has {lockedInTier[p.Slot(r, t)]} locked customers of tier {t} but capacity {p.TierCapacity(r, t)} in that tier";
        }
        return null;
    }
}
