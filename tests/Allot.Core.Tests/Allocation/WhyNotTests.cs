using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class WhyNotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void WhyNot_EveryCustomerAndOption_EqualsReSolvingWithTheCustomerForced()
    {
        int asked = 0, impossible = 0, withChain = 0;
        for (int seed = 1; seed <= 80; seed++)
        {
            var rng = new Random(seed);
            var rp = RandomProblems.Create(seed, rng.Next(2, 13), rng.Next(1, 5), rng.Next(1, 3), new Shape { LockChance = 0.15, CandidateChance = 0.7 });
            var p = rp.Problem;
            var solution = AssignmentSolver.Solve(p, Ct);
            var explainer = new WhyNotExplainer(p, solution); // one per solution: residual networks are reused
            for (int i = 0; i < p.CustomerCount; i++)
                foreach (int rep in p.RepsOf(i).ToArray().Append(AssignmentSolution.Unassigned))
                {
                    if (rep == solution.RepOf[i]) continue;
                    var answer = explainer.WhyNot(i, rep);
                    var again = AssignmentSolver.WhyNot(p, solution, i, rep);
                    Assert.Equal((answer.Feasible, answer.ObjectiveChange, answer.Reason), (again.Feasible, again.ObjectiveChange, again.Reason));
                    Assert.Equal(answer.Chain, again.Chain);
                    asked++;
                    Assert.Equal(i, answer.Customer);
                    Assert.Equal(rep, answer.Rep);
                    var forced = Forced(p, i, rep);
                    var reSolved = forced is null ? null : AssignmentSolver.Solve(forced, Ct);
                    if (reSolved is null || reSolved.Status == AssignmentStatus.Infeasible)
                    {
                        Assert.False(answer.Feasible, $"seed {seed}, customer {i}, rep {rep}: {answer.Reason}");
                        impossible++;
                        continue;
                    }
                    Assert.True(answer.Feasible, $"seed {seed}, customer {i}, rep {rep}: {answer.Reason}");
                    Assert.Equal(reSolved.Objective - solution.Objective, answer.ObjectiveChange);
                    Assert.True(answer.ObjectiveChange >= 0);

                    // The chain applied to the optimum is a re-optimised book with the customer forced.
                    var moved = solution.RepOf.ToArray();
                    Assert.Equal(new Relocation(i, solution.RepOf[i], rep), answer.Chain[0]);
                    foreach (var m in answer.Chain)
                    {
                        Assert.Equal(m.From, moved[m.Customer]);
                        moved[m.Customer] = m.To;
                    }
                    Assert.Empty(forced!.Violations(moved));
                    Assert.Equal(reSolved.Objective, forced.Cost(moved));
                    if (answer.Chain.Count > 1) withChain++;
                }
        }
        Assert.True(asked > 500, $"{asked} questions");
        Assert.True(impossible > 10, $"{impossible} impossible");
        Assert.True(withChain > 20, $"{withChain} chains");
    }

    [Fact]
    public void WhyNot_FullRep_ChainDisplacesTheCheapestToMove()
    {
        // Two reps with one place each. Customer 1 would rather be at rep 0 (cost 1 vs 4), but customer 0 gains more
        // there (0 vs 10). Forcing customer 1 to rep 0 sends customer 0 to rep 1: +1 − 4 + 10 − 0 = 7.
        var b = new AssignmentProblemBuilder(2, 1);
        b.AddCustomer(0, 100, [0, 1], [0, 10]);
        b.AddCustomer(0, 100, [0, 1], [1, 4]);
        b.SetCapacity(0, 1).SetCapacity(1, 1);
        var p = b.Build();
        var solution = AssignmentSolver.Solve(p, Ct);
        Assert.Equal([0, 1], solution.RepOf.ToArray());
        var answer = AssignmentSolver.WhyNot(p, solution, 1, 0);
        Assert.True(answer.Feasible);
        Assert.Equal(7, answer.ObjectiveChange);
        Assert.Equal([new Relocation(1, 1, 0), new Relocation(0, 0, 1)], answer.Chain);
        Assert.Equal("forcing customer 1 at rep 0 raises the optimal objective by 7; customer 0 rep 0 → rep 1", answer.Reason);
        // Price-based runner-up margin agrees here: rep 0 is full, its shadow price is what customer 1 would pay.
        Assert.Equal(0, solution.RunnerUp[1]);
    }

    [Fact]
    public void WhyNot_LockedOrNotACandidate_Impossible()
    {
        var b = new AssignmentProblemBuilder(3, 1);
        b.AddCustomer(0, 100, [0, 1], [0, 10], fixedRep: 0);
        b.AddCustomer(0, 100, [0, 1], [1, 4]);
        var p = b.Build();
        var solution = AssignmentSolver.Solve(p, Ct);
        var locked = AssignmentSolver.WhyNot(p, solution, 0, 1);
        Assert.False(locked.Feasible);
        Assert.Equal("customer 0 is locked to rep 0", locked.Reason);
        var stranger = AssignmentSolver.WhyNot(p, solution, 1, 2);
        Assert.False(stranger.Feasible);
        Assert.Equal("rep 2 is not one of customer 1's candidates", stranger.Reason);
        var here = AssignmentSolver.WhyNot(p, solution, 1, 0);
        Assert.True(here.Feasible);
        Assert.Equal(0, here.ObjectiveChange);
    }

    [Fact]
    public void WhyNot_SolutionOfAnotherProblem_Throws()
    {
        var b = new AssignmentProblemBuilder(2, 1);
        b.AddCustomer(0, 100, [0, 1], [0, 10]);
        b.AddCustomer(0, 100, [0, 1], [10, 0]);
        var p = b.Build();
        var c = new AssignmentProblemBuilder(2, 1);
        c.AddCustomer(0, 100, [0, 1], [10, 0]);
        c.AddCustomer(0, 100, [0, 1], [0, 10]);
        var other = AssignmentSolver.Solve(c.Build(), Ct);
        Assert.Throws<ArgumentException>(() => AssignmentSolver.WhyNot(p, other, 0, 0));
    }

    /// <summary>The problem with customer <paramref name="i"/> locked to <paramref name="rep"/>, or with no candidates
    /// (so unassigned) for <see cref="AssignmentSolution.Unassigned"/>; null when that cannot be said (locked
    /// elsewhere).</summary>
    private static AssignmentProblem? Forced(AssignmentProblem p, int i, int rep)
    {
        if (p.IsFixed(i)) return null;
        var fixedRep = p.FixedRep.ToArray();
        var start = p.CandidateStart.ToArray();
        var reps = p.CandidateRep.ToArray();
        var costs = p.CandidateCost.ToArray();
        if (rep != AssignmentSolution.Unassigned) fixedRep[i] = rep;
        else
        {
            int from = start[i], count = start[i + 1] - from;
            reps = [.. reps[..from], .. reps[(from + count)..]];
            costs = [.. costs[..from], .. costs[(from + count)..]];
            for (int k = i + 1; k < start.Length; k++) start[k] -= count;
        }
        var tierCapacity = new int[p.RepCount, p.TierCount];
        var tierLoad = new LoadCost[p.RepCount, p.TierCount];
        for (int r = 0; r < p.RepCount; r++)
            for (int t = 0; t < p.TierCount; t++)
            {
                tierCapacity[r, t] = p.TierCapacity(r, t);
                tierLoad[r, t] = p.TierLoadCost(r, t);
            }
        var repLoad = Enumerable.Range(0, p.RepCount).Select(p.RepLoadCost).ToArray();
        return new AssignmentProblem(p.RepCount, p.TierCount, p.CustomerTier.ToArray(), start, reps, costs,
            p.UnassignedCost.ToArray(), p.Capacity.ToArray(), tierCapacity, repLoad, tierLoad, fixedRep);
    }
}
