using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class LoadCostTests
{
    [Fact]
    public void Piecewise_MarginalTotalAndSegmentEnd()
    {
        var cost = LoadCost.Piecewise([2, 5], [-3, 4, 10]);
        Assert.Equal([-3L, -3, 4, 4, 4, 10, 10], Enumerable.Range(1, 7).Select(cost.Marginal));
        Assert.Equal([0L, -3, -6, -2, 2, 6, 16], Enumerable.Range(0, 7).Select(cost.Total));
        Assert.Equal(2, cost.SegmentEnd(1));
        Assert.Equal(5, cost.SegmentEnd(3));
        Assert.Equal(int.MaxValue, cost.SegmentEnd(6));
        Assert.Equal("-3 to 2, 4 to 5, 10", cost.ToString());
    }

    [Fact]
    public void Piecewise_EqualNeighbours_Merged()
    {
        Assert.Equal(LoadCost.Piecewise([5], [0, 2]), LoadCost.Piecewise([3, 5, 8], [0, 0, 2, 2]));
        Assert.Equal(LoadCost.Zero, LoadCost.Piecewise([4], [0, 0]));
        Assert.True(LoadCost.AboveThreshold(10, 0).IsZero);
        Assert.Equal(LoadCost.Piecewise([10], [0, 7]), LoadCost.AboveThreshold(10, 7));
    }

    [Fact]
    public void Piecewise_NotConvexOrBadEnds_Throws()
    {
        Assert.Throws<ArgumentException>(() => LoadCost.Piecewise([3], [5, 4]));
        Assert.Throws<ArgumentException>(() => LoadCost.Piecewise([3, 3], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => LoadCost.Piecewise([0], [0, 1]));
        Assert.Throws<ArgumentException>(() => LoadCost.Piecewise([3], [0]));
        Assert.Throws<ArgumentException>(() => LoadCost.Linear(AssignmentProblem.MaxAbsCost + 1));
    }

    [Fact]
    public void LoadsAtPrice_CheaperAccountsTakenEqualOnesOptional()
    {
        var cost = LoadCost.Piecewise([2, 5], [-3, 4, 10]);
        Assert.Equal((0, 0), cost.LoadsAtPrice(-4, 100));
        Assert.Equal((0, 2), cost.LoadsAtPrice(-3, 100));
        Assert.Equal((2, 2), cost.LoadsAtPrice(0, 100));
        Assert.Equal((2, 5), cost.LoadsAtPrice(4, 100));
        Assert.Equal((5, 100), cost.LoadsAtPrice(10, 100));
        Assert.Equal((100, 100), cost.LoadsAtPrice(11, 100));
        Assert.Equal((3, 3), cost.LoadsAtPrice(11, 3));
        Assert.Equal((0, 0), cost.LoadsAtPrice(11, 0));
    }

    [Fact]
    public void Scaled_EndsDividedAndRoundedCollapsedSegmentsDropped()
    {
        Assert.Equal(LoadCost.Piecewise([5, 13], [0, 4, 9]), LoadCost.Piecewise([40, 100], [0, 4, 9]).Scaled(8));
        // 3 / 8 rounds to 0: the first segment vanishes; 6 / 8 and 9 / 8 both round to 1: the middle one too.
        Assert.Equal(LoadCost.Piecewise([1], [2, 7]), LoadCost.Piecewise([3, 6, 9], [0, 2, 5, 7]).Scaled(8));
        Assert.Equal(LoadCost.Linear(3), LoadCost.Linear(3).Scaled(8));
    }
}
