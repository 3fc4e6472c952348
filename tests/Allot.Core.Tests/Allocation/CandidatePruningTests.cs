using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class CandidatePruningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Solve_TopK_EqualsTheFullOptimumAndRepairsWhenPruningCut()
    {
        int repaired = 0, firstTime = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            var rp = RandomProblems.Create(seed, 150, 10, 3, new Shape { CandidateChance = 1, Regions = 1 + seed % 3, Slack = seed % 4 });
            var full = AssignmentSolver.Solve(rp.Problem, Ct);
            foreach (int k in new[] { 1, 2, 4 })
            {
                var pruned = CandidatePruning.Solve(rp.Problem, k, cancellationToken: Ct);
                Assert.Equal(full.Objective, pruned.Solution.Objective);
                Certificate.AssertProvesOptimal(rp.Problem, pruned.Solution);
                Assert.True(pruned.ArcsKept <= rp.Problem.CandidateCount);
                if (pruned.Rounds > 1)
                {
                    repaired++;
                    Assert.True(pruned.ArcsAdded > 0);
                }
                else
                {
                    firstTime++;
                    Assert.Equal(0, pruned.ArcsAdded);
                }
            }
        }
        Assert.True(repaired > 10, $"{repaired} repaired");
        Assert.True(firstTime > 10, $"{firstTime} right the first time");
    }

    [Fact]
    public void TopK_KeepsTheCheapestTiesToLowerRepAndTheLockedRep()
    {
        var b = new AssignmentProblemBuilder(5, 1);
        b.AddCustomer(0, 100, [4, 3, 2, 1, 0], [5, 1, 3, 3, 9]);
        b.AddCustomer(0, 100, [0, 1, 2], [7, 8, 9], fixedRep: 2);
        b.AddCustomer(0, 100, [3], [2]);
        var pruned = CandidatePruning.TopK(b.Build(), 2);
        Assert.Equal([3, 1], pruned.RepsOf(0).ToArray());
        Assert.Equal([1L, 3], pruned.CostsOf(0).ToArray());
        Assert.Equal([0, 1, 2], pruned.RepsOf(1).ToArray());
        Assert.Equal([3], pruned.RepsOf(2).ToArray());
    }
}
