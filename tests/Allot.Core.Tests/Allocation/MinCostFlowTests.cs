using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class MinCostFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Solve_NetworkxDocumentationExample_Cost24()
    {
        // networkx min_cost_flow example: a → d, demand 5; a→b (3, cap 4), a→c (6, cap 10), b→d (1, cap 9),
        // c→d (2, cap 5): 4 units a→b→d, 1 unit a→c→d, cost 24.
        var g = new FlowNetwork(4);
        g.SetSupply(0, 5);
        g.SetSupply(3, -5);
        g.AddArc(0, 1, 0, 4, 3);
        g.AddArc(0, 2, 0, 10, 6);
        g.AddArc(1, 3, 0, 9, 1);
        g.AddArc(2, 3, 0, 5, 2);
        var flow = MinCostFlow.Solve(g, Ct);
        Assert.True(flow.Feasible);
        Assert.Equal(24, flow.Cost);
        Assert.Equal([4L, 1, 4, 1], flow.Flow);
    }

    [Fact]
    public void Solve_LowerBoundsAndNegativeCycle_Optimal()
    {
        // A negative cycle 0→1→2→0 of capacity 3 is run at capacity; the lower bound forces 2 units on 2→3 ... and back.
        var g = new FlowNetwork(4);
        g.AddArc(0, 1, 0, 3, -4);
        g.AddArc(1, 2, 0, 5, 1);
        g.AddArc(2, 0, 0, 3, 1);
        g.AddArc(2, 3, 2, 4, 3);
        g.AddArc(3, 1, 0, 9, 1);
        var flow = MinCostFlow.Solve(g, Ct);
        Assert.True(flow.Feasible);
        // Cycle 0→1→2→0 ×3 costs −6; 2 forced units round 1→2→3→1 cost 2·(1+3+1) = 10.
        Assert.Equal(4, flow.Cost);
        Assert.Equal([3L, 5, 3, 2, 2], flow.Flow);
        for (int a = 0; a < 5; a++)
        {
            long reduced = g.Cost(a) + flow.Potential[g.From(a)] - flow.Potential[g.To(a)];
            if (flow.Flow[a] < g.Upper(a)) Assert.True(reduced >= 0);
            if (flow.Flow[a] > g.Lower(a)) Assert.True(reduced <= 0);
        }
    }

    [Fact]
    public void Solve_SupplyCannotReachDemand_Infeasible()
    {
        var g = new FlowNetwork(3);
        g.SetSupply(0, 2);
        g.SetSupply(2, -2);
        g.AddArc(0, 1, 0, 2, 1);
        g.AddArc(1, 2, 0, 1, 1);
        Assert.False(MinCostFlow.Solve(g, Ct).Feasible);
        var unbalanced = new FlowNetwork(2);
        unbalanced.SetSupply(0, 1);
        Assert.False(MinCostFlow.Solve(unbalanced, Ct).Feasible);
    }
}
