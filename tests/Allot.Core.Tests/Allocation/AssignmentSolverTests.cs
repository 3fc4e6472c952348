using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class AssignmentSolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Solve_SmallRandomProblems_EqualsBruteForce()
    {
        int checkedCount = 0, withUnassigned = 0, withFullRep = 0;
        for (int seed = 1; seed <= 400; seed++)
        {
            var rng = new Random(seed);
            var rp = RandomProblems.Create(seed, rng.Next(1, 8), rng.Next(1, 5), rng.Next(1, 4),
                new Shape { CandidateChance = 0.3 + 0.6 * rng.NextDouble(), LockChance = 0.2 });
            long? brute = BruteForce.Optimum(rp);
            Assert.NotNull(brute); // random locks are kept within capacity, so unassigning the rest is feasible
            var solution = AssignmentSolver.Solve(rp.Problem, Ct);
            Assert.True(brute == solution.Objective, $"seed {seed}: brute force {brute}, solver {solution.Objective}");
            Assert.Equal(brute, BruteForce.Price(rp, solution.RepOf));
            Certificate.AssertProvesOptimal(rp.Problem, solution);
            checkedCount++;
            if (solution.RepOf.Contains(AssignmentSolution.Unassigned)) withUnassigned++;
            for (int r = 0; r < rp.Problem.RepCount; r++)
                if (rp.Problem.Capacity[r] > 0 && solution.RepOf.Count(r) == rp.Problem.Capacity[r]) { withFullRep++; break; }
        }
        Assert.Equal(400, checkedCount);
        Assert.InRange(withUnassigned, 50, 400);
        Assert.InRange(withFullRep, 50, 400);
    }

    [Fact]
    public void Solve_SmallRandomProblems_GeneralMinCostFlowAgrees()
    {
        for (int seed = 1000; seed < 1200; seed++)
        {
            var rng = new Random(seed);
            var rp = RandomProblems.Create(seed, rng.Next(1, 8), rng.Next(1, 5), rng.Next(1, 4), new Shape { LockChance = 0.2 });
            var network = AssignmentNetwork.Build(rp.Problem);
            var flow = MinCostFlow.Solve(network.Network, Ct);
            Assert.True(flow.Feasible);
            Assert.Equal(BruteForce.Optimum(rp), flow.Cost);
            Assert.Equal(flow.Cost, rp.Problem.Cost(network.RepOf(rp.Problem, flow.Flow)));
        }
    }

    [Theory]
    [InlineData(1, 60, 6, 3, 1)]
    [InlineData(2, 150, 10, 2, 3)]
    [InlineData(3, 200, 12, 3, 4)]
    [InlineData(4, 120, 5, 1, 1)]
    [InlineData(5, 300, 15, 3, 5)]
    public void Solve_MediumRandomProblems_EqualsGeneralMinCostFlowAndPricesProveIt(int seed, int customers, int reps, int tiers, int regions)
    {
        for (int k = 0; k < 8; k++)
        {
            var rp = RandomProblems.Create(seed * 100 + k, customers, reps, tiers, new Shape { Regions = regions, CandidateChance = 0.5, Slack = 1 + k % 3 * 5 });
            var solution = AssignmentSolver.Solve(rp.Problem, Ct);
            var flow = MinCostFlow.Solve(AssignmentNetwork.Build(rp.Problem).Network, Ct);
            Assert.Equal(flow.Cost, solution.Objective);
            Assert.Equal(flow.Cost, BruteForce.Price(rp, solution.RepOf));
            Certificate.AssertProvesOptimal(rp.Problem, solution);
        }
    }

    [Fact]
    public void Solve_ManyComponents_SameResultSplitOrWholeAndOnAnyNumberOfThreads()
    {
        var rp = RandomProblems.Create(77, 400, 24, 3, new Shape { Regions = 6, CandidateChance = 0.6 });
        var split = AssignmentSolver.Solve(rp.Problem, Ct);
        var whole = AssignmentSolver.Solve(rp.Problem, new AssignmentSolverOptions { SplitComponents = false }, Ct);
        var oneThread = AssignmentSolver.Solve(rp.Problem, new AssignmentSolverOptions { MaxDegreeOfParallelism = 1 }, Ct);
        var again = AssignmentSolver.Solve(rp.Problem, Ct);
        Assert.Equal(6, split.Statistics.Components);
        Assert.Equal(whole.Objective, split.Objective);
        Certificate.AssertProvesOptimal(rp.Problem, split);
        Certificate.AssertProvesOptimal(rp.Problem, whole);
        foreach (var other in new[] { oneThread, again })
        {
            Assert.Equal(split.RepOf.ToArray(), other.RepOf.ToArray());
            Assert.Equal(split.CustomerPrice.ToArray(), other.CustomerPrice.ToArray());
            Assert.Equal(split.RepPrice.ToArray(), other.RepPrice.ToArray());
            Assert.Equal(split.RunnerUp.ToArray(), other.RunnerUp.ToArray());
            Assert.Equal(split.Statistics, other.Statistics);
        }
    }

    [Fact]
    public void Solve_LockedCustomersOverCapacity_InfeasibleNamingRep()
    {
        var b = new AssignmentProblemBuilder(2, 1);
        b.AddCustomer(0, 100, [0, 1], [1, 2], fixedRep: 1);
        b.AddCustomer(0, 100, [1], [1], fixedRep: 1);
        b.AddCustomer(0, 100, [0], [5]);
        b.SetCapacity(1, 1);
        var solution = AssignmentSolver.Solve(b.Build(), Ct);
        Assert.Equal(AssignmentStatus.Infeasible, solution.Status);
        Assert.Equal("rep 1 has 2 locked customers but capacity 1", solution.Message);
        Assert.All(solution.RepOf.ToArray(), r => Assert.Equal(AssignmentSolution.Unassigned, r));
    }

    [Fact]
    public void Solve_LockedCustomerAtFullRep_DisplacesAFreeOne()
    {
        // Customer 0 prefers rep 0 (cost 1 vs 10); customer 1 is locked to rep 0, which has room for one.
        var b = new AssignmentProblemBuilder(2, 1);
        b.AddCustomer(0, 1000, [0, 1], [1, 10]);
        b.AddCustomer(0, 1000, [0], [50], fixedRep: 0);
        b.SetCapacity(0, 1);
        var p = b.Build();
        var solution = AssignmentSolver.Solve(p, Ct);
        Assert.Equal([1, 0], solution.RepOf.ToArray());
        Assert.Equal(60, solution.Objective);
        // Rep 0 is full; a second place there would save customer 0 nine.
        Assert.Equal(9, solution.RepShadowPrice(0));
        Assert.Equal(0, solution.RepShadowPrice(1));
        Assert.Equal(AssignmentSolution.NoAlternative, solution.RunnerUp[1]);
        Assert.Equal(0, solution.RunnerUp[0]);
        Assert.Equal(0, solution.RunnerUpMargin[0]);
        Certificate.AssertProvesOptimal(p, solution);
    }

    [Fact]
    public void Solve_ConvexBalance_SpreadsIdenticalCustomers()
    {
        // Ten identical customers, two equally good reps, each account beyond five costs 7 more: five and five.
        var b = new AssignmentProblemBuilder(2, 1);
        for (int i = 0; i < 10; i++) b.AddCustomer(0, 1000, [0, 1], [10, 10]);
        b.SetRepLoadCost(0, LoadCost.AboveThreshold(5, 7)).SetRepLoadCost(1, LoadCost.AboveThreshold(5, 7));
        var p = b.Build();
        var solution = AssignmentSolver.Solve(p, Ct);
        Assert.Equal(5, solution.RepOf.Count(0));
        Assert.Equal(5, solution.RepOf.Count(1));
        Assert.Equal(100, solution.Objective);
        Certificate.AssertProvesOptimal(p, solution);
    }

    [Fact]
    public void Solve_TierCapacity_SwapsTiersThroughARep()
    {
        // Rep 0 takes two accounts at most; tier 0 customer 2 must go there (only candidate), so one of the others
        // (tier 1) moves to rep 1, the cheaper move.
        var b = new AssignmentProblemBuilder(2, 2);
        b.AddCustomer(1, 1000, [0, 1], [0, 5]);
        b.AddCustomer(1, 1000, [0, 1], [0, 3]);
        b.AddCustomer(0, 1000, [0], [0]);
        b.SetCapacity(0, 2).SetTierCapacity(1, 0, 0);
        var p = b.Build();
        var solution = AssignmentSolver.Solve(p, Ct);
        Assert.Equal([0, 1, 0], solution.RepOf.ToArray());
        Assert.Equal(3, solution.Objective);
        Certificate.AssertProvesOptimal(p, solution);
    }

    [Fact]
    public void Solve_Empty_Optimal()
    {
        var solution = AssignmentSolver.Solve(new AssignmentProblemBuilder(3, 2).Build(), Ct);
        Assert.Equal(AssignmentStatus.Optimal, solution.Status);
        Assert.Equal(0, solution.Objective);
        Assert.Equal(0, solution.RepOf.Length);
    }

    [Fact]
    public void Solve_Cancelled_Throws()
    {
        var rp = RandomProblems.Create(5, 3000, 20, 3);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => AssignmentSolver.Solve(rp.Problem, cts.Token));
    }

    [Theory]
    [InlineData(11, 2500, 8, 3, 0)]
    [InlineData(12, 3000, 12, 2, 1)]
    [InlineData(13, 4000, 10, 3, 3)]
    public void Solve_LargeComponentsStartedFromSampledPrices_EqualsGeneralMinCostFlow(int seed, int customers, int reps, int tiers, int slack)
    {
        // Components this large are started from the prices of a solved sample (BookSample): the result must not
        // depend on it.
        var rp = RandomProblems.Create(seed, customers, reps, tiers,
            new Shape { CandidateChance = 0.5, Slack = slack, TierLimitChance = 0.1, UnlimitedChance = 0.05, LockChance = 0.05 });
        Assert.True(BookSample.Worthwhile(rp.Problem));
        var solution = AssignmentSolver.Solve(rp.Problem, Ct);
        Assert.True(solution.Statistics.Searches > 0);
        var flow = MinCostFlow.Solve(AssignmentNetwork.Build(rp.Problem).Network, Ct);
        Assert.Equal(flow.Cost, solution.Objective);
        Certificate.AssertProvesOptimal(rp.Problem, solution);
    }

    [Fact]
    public void ComponentSolver_AnyStartingPricesAndAssignment_SameOptimum()
    {
        for (int seed = 2000; seed < 2300; seed++)
        {
            var rng = new Random(seed);
            var rp = RandomProblems.Create(seed, rng.Next(1, 8), rng.Next(1, 5), rng.Next(1, 4), new Shape { LockChance = 0.2 });
            var p = rp.Problem;
            var repPrice = Enumerable.Range(0, p.RepCount).Select(_ => (long)rng.Next(-200, 201)).ToArray();
            var slotPrice = Enumerable.Range(0, p.RepCount * p.TierCount).Select(_ => (long)rng.Next(-200, 201)).ToArray();
            var previous = Enumerable.Range(0, p.CustomerCount).Select(_ => rng.Next(-1, p.RepCount)).ToArray();
            var solver = new ComponentSolver(p, repPrice, slotPrice, previous);
            Assert.True(solver.Run(Ct));
            var (finalRepPrice, finalSlotPrice) = solver.Prices();
            var solution = AssignmentSolution.Optimal(p, solver.RepOf(), finalRepPrice, finalSlotPrice, SolveStatistics.None);
            Assert.True(BruteForce.Optimum(rp) == solution.Objective, $"seed {seed}");
            Certificate.AssertProvesOptimal(p, solution);
        }
    }
}
