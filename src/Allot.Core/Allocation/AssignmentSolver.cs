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
        return Solve(problem, options, null, null, null, cancellationToken);
    }

    /// <summary>Solves starting from given prices and assignment (e.g. the previous round's, when candidates were
    /// added); null prices: estimated from a sample of each large component.</summary>
    internal static AssignmentSolution Solve(AssignmentProblem problem, AssignmentSolverOptions options, long[]? repPrice, long[]? slotPrice,
        int[]? previous, CancellationToken cancellationToken)
    {
        string? why = LockedOverCapacity(problem);
        if (why is not null) return AssignmentSolution.Infeasible(problem, why);

        var components = options.SplitComponents ? Component.Split(problem) : [];
        if (components.Count == 0 || (components.Count == 1 && components[0].Customers.Length == problem.CustomerCount && components[0].Reps.Length == problem.RepCount))
        {
            var (solver, work) = Run(problem, repPrice, slotPrice, previous, cancellationToken);
            var (wholeRepPrice, wholeSlotPrice) = solver.Prices();
            return AssignmentSolution.Optimal(problem, solver.RepOf(), wholeRepPrice, wholeSlotPrice, work);
        }

        var parts = new (ComponentSolver Solver, SolveStatistics Work)[components.Count];
        var localRep = new int[problem.RepCount];
        int tiers = problem.TierCount;
        // Largest first, handed out one at a time, so one big component does not end up last on a busy core.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(c => components[c].Customers.Length).ThenBy(c => c).ToArray();
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            c =>
            {
                var reps = components[c].Reps;
                var local = components[c].Extract(problem, localRep);
                long[]? localRepPrice = repPrice is null ? null : [.. reps.Select(r => repPrice[r])];
                long[]? localSlotPrice = slotPrice is null ? null : [.. reps.SelectMany(r => slotPrice.AsSpan(r * tiers, tiers).ToArray())];
                int[]? localPrevious = previous is null ? null
                    : [.. components[c].Customers.Select(i => previous[i] == AssignmentSolution.Unassigned ? previous[i] : Array.BinarySearch(reps, previous[i]))];
                var (solver, work) = Run(local, localRepPrice, localSlotPrice, localPrevious, cancellationToken);
                parts[c] = (solver, work);
            });

        var repOf = Enumerable.Repeat(AssignmentSolution.Unassigned, problem.CustomerCount).ToArray();
        var finalRepPrice = new long[problem.RepCount];
        var finalSlotPrice = new long[problem.RepCount * tiers];
        var statistics = SolveStatistics.None;
        for (int c = 0; c < components.Count; c++)
        {
            var (solver, work) = parts[c];
            var component = components[c];
            var localRepOf = solver.RepOf();
            for (int k = 0; k < component.Customers.Length; k++)
                if (localRepOf[k] != AssignmentSolution.Unassigned) repOf[component.Customers[k]] = component.Reps[localRepOf[k]];
            var (localRepPrice, localSlotPrice) = solver.Prices();
            for (int k = 0; k < component.Reps.Length; k++)
            {
                finalRepPrice[component.Reps[k]] = localRepPrice[k];
                Array.Copy(localSlotPrice, k * tiers, finalSlotPrice, component.Reps[k] * tiers, tiers);
            }
            statistics += work;
        }
        return AssignmentSolution.Optimal(problem, repOf, finalRepPrice, finalSlotPrice, statistics);
    }

    /// <summary>The exact change of the optimal objective if <paramref name="customer"/> had to go to
    /// <paramref name="rep"/> (or stay unassigned, for <see cref="AssignmentSolution.Unassigned"/>), with the chain
    /// of customers that would move to make room.</summary>
    /// <remarks>The cheapest cycle through the forced arc in the residual network of the optimal flow (see
    /// <see cref="WhyNotExplainer"/>, which also answers many questions about one solution without rebuilding it).</remarks>
    /// <exception cref="ArgumentException">The solution is not optimal for the problem.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer or rep out of range.</exception>
    public static WhyNotAnswer WhyNot(AssignmentProblem problem, AssignmentSolution solution, int customer, int rep) =>
        new WhyNotExplainer(problem, solution).WhyNot(customer, rep);

    /// <summary>Solves one component from the given prices, or from prices solved on a sample of it when it is
    /// large (recursively), or from zero prices.</summary>
    private static (ComponentSolver Solver, SolveStatistics Work) Run(AssignmentProblem problem, long[]? repPrice, long[]? slotPrice,
        int[]? previous, CancellationToken cancellationToken)
    {
        var work = SolveStatistics.None;
        if (repPrice is null && BookSample.Worthwhile(problem))
        {
            var (sample, sampleWork) = Run(BookSample.Of(problem), null, null, null, cancellationToken);
            (repPrice, slotPrice) = sample.Prices();
            work = sampleWork with { Components = 0, StartingExcess = 0 };
        }
        var solver = new ComponentSolver(problem, repPrice, slotPrice, previous);
        if (!solver.Run(cancellationToken))
            throw new InvalidOperationException("an excess found no path to a deficit although the locks fit the capacities: a solver defect");
        return (solver, work + new SolveStatistics(1, solver.Augmentations, solver.Searches, solver.Relocations, solver.SettledNodes, solver.StartingExcess));
    }

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
