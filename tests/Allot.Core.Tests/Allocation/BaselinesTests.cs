using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class BaselinesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Optimum_RandomProblems_NeverWorseThanGreedyOrRoundRobin()
    {
        int greedyWorse = 0, roundRobinWorse = 0;
        for (int seed = 1; seed <= 200; seed++)
        {
            var rng = new Random(seed);
            var rp = RandomProblems.Create(seed, rng.Next(1, 120), rng.Next(1, 12), rng.Next(1, 4),
                new Shape { Regions = rng.Next(1, 4), LockChance = 0.1, Slack = rng.Next(0, 10) });
            var p = rp.Problem;
            var priority = Enumerable.Range(0, p.CustomerCount).Select(_ => (long)rng.Next(100)).ToArray();
            var optimum = AssignmentSolver.Solve(p, Ct).Objective;
            var greedy = Baselines.Greedy(p, priority);
            var roundRobin = Baselines.RoundRobin(p);
            Assert.Empty(p.Violations(greedy));
            Assert.Empty(p.Violations(roundRobin));
            Assert.True(optimum <= p.Cost(greedy), $"seed {seed}");
            Assert.True(optimum <= p.Cost(roundRobin), $"seed {seed}");
            if (optimum < p.Cost(greedy)) greedyWorse++;
            if (optimum < p.Cost(roundRobin)) roundRobinWorse++;
        }
        Assert.True(greedyWorse > 50 && roundRobinWorse > 50, $"greedy worse {greedyWorse}, round robin worse {roundRobinWorse}");
    }

    [Fact]
    public void Greedy_HighPriorityFirst_TakesTheBestRepAndLeavesTheRestWhatIsLeft()
    {
        // Rep 0 has one place. Customer 1 has the highest priority, so it takes rep 0; customer 0 goes to rep 1 and
        // customer 2, who can only go to rep 0, stays unassigned: 1 + 50 + 100. The optimum gives rep 0 to customer 2.
        var b = new AssignmentProblemBuilder(2, 1);
        b.AddCustomer(0, 100, [0, 1], [0, 50]);
        b.AddCustomer(0, 100, [0, 1], [1, 2]);
        b.AddCustomer(0, 100, [0], [0]);
        b.SetCapacity(0, 1);
        var p = b.Build();
        Assert.Equal([1, 0, AssignmentProblem.None], Baselines.Greedy(p, [1, 5, 0]));
        Assert.Equal(151, p.Cost(Baselines.Greedy(p, [1, 5, 0])));
        var optimum = AssignmentSolver.Solve(p, Ct);
        Assert.Equal([1, 1, 0], optimum.RepOf.ToArray());
        Assert.Equal(52, optimum.Objective);
    }

    [Fact]
    public void RoundRobin_ReposInTurnSkippingThoseNotEligibleOrFull()
    {
        var b = new AssignmentProblemBuilder(3, 1);
        for (int i = 0; i < 6; i++) b.AddCustomer(0, 100, [0, 1, 2], [0, 0, 0]);
        b.AddCustomer(0, 100, [1], [0]);
        b.AddCustomer(0, 100, [0, 2], [0, 0], fixedRep: 2);
        b.SetCapacity(1, 2);
        // Locked customer 7 sits at rep 2 first; then 0,1,2 in turn; rep 1 full after customer 4; customer 6 only
        // fits rep 1, which is full.
        Assert.Equal([0, 1, 2, 0, 1, 2, AssignmentProblem.None, 2], Baselines.RoundRobin(b.Build()));
    }
}
