using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class BalanceCostsTests
{
    [Fact]
    public void PerTier_FairShareSplitByWeightedTierShare()
    {
        // Book: 10 A (weight 3), 30 B (2), 60 C (1): 150 weighted units. Rep 0's fair share 75 (half) → 5 A, 15 B,
        // 30 C; rep 1's 30 → 2 A, 6 B, 12 C. Beyond that each account costs 4 × its weight.
        var costs = BalanceCosts.PerTier([75, 30], [3, 2, 1], [10, 30, 60], 4);
        Assert.Equal(LoadCost.AboveThreshold(5, 12), costs[0, 0]);
        Assert.Equal(LoadCost.AboveThreshold(15, 8), costs[0, 1]);
        Assert.Equal(LoadCost.AboveThreshold(30, 4), costs[0, 2]);
        Assert.Equal(LoadCost.AboveThreshold(2, 12), costs[1, 0]);
        Assert.Equal(LoadCost.AboveThreshold(12, 4), costs[1, 2]);
    }

    [Fact]
    public void PerTier_FairCountsRoundToNearest()
    {
        // 7 A (weight 2), 3 B (weight 1): 17 units; fair share 10 → A 10·7/17 = 4.12 → 4, B 10·3/17 = 1.76 → 2.
        var costs = BalanceCosts.PerTier([10], [2, 1], [7, 3], 1);
        Assert.Equal(LoadCost.AboveThreshold(4, 2), costs[0, 0]);
        Assert.Equal(LoadCost.AboveThreshold(2, 1), costs[0, 1]);
    }
}
