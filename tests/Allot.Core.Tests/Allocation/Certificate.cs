using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

/// <summary>Checks that a solution's prices prove it optimal (LP duality): it is feasible, every customer sits at its
/// cheapest priced option, and every load sits where the prices fall between the marginal costs of its last and next
/// account. Independent of how the solver found them.</summary>
internal static class Certificate
{
    public static void AssertProvesOptimal(AssignmentProblem p, AssignmentSolution s)
    {
        Assert.Equal(AssignmentStatus.Optimal, s.Status);
        Assert.Empty(p.Violations(s.RepOf));
        Assert.Equal(p.Cost(s.RepOf), s.Objective);
        int tiers = p.TierCount;
        var load = new int[p.RepCount];
        var tierLoad = new int[p.RepCount * tiers];
        for (int i = 0; i < p.CustomerCount; i++)
        {
            int at = s.RepOf[i], t = p.CustomerTier[i];
            long price = s.CustomerPrice[i];
            if (at == AssignmentSolution.Unassigned) Assert.Equal(p.UnassignedCost[i], price);
            else
            {
                Assert.Equal(p.CostsOf(i)[p.RepsOf(i).IndexOf(at)] + s.SlotPrice(at, t), price);
                load[at]++;
                tierLoad[at * tiers + t]++;
            }
            if (p.IsFixed(i)) continue;
            Assert.True(p.UnassignedCost[i] >= price, $"customer {i}: unassigned is cheaper at these prices");
            var reps = p.RepsOf(i);
            for (int a = 0; a < reps.Length; a++)
                Assert.True(p.CostsOf(i)[a] + s.SlotPrice(reps[a], t) >= price, $"customer {i}: rep {reps[a]} is cheaper at these prices");
        }
        for (int r = 0; r < p.RepCount; r++)
        {
            InRange(s.RepPrice[r], p.RepLoadCost(r), load[r], p.Capacity[r], $"rep {r}");
            for (int t = 0; t < tiers; t++)
                InRange(s.SlotPrice(r, t) - s.RepPrice[r], p.TierLoadCost(r, t), tierLoad[r * tiers + t], p.TierCapacity(r, t), $"rep {r} tier {t}");
        }
    }

    private static void InRange(long priceStep, LoadCost cost, int load, int capacity, string what)
    {
        if (load > 0) Assert.True(priceStep >= cost.Marginal(load), $"{what}: price step {priceStep} below the last account's cost {cost.Marginal(load)}");
        if (load < capacity) Assert.True(priceStep <= cost.Marginal(load + 1), $"{what}: price step {priceStep} above the next account's cost {cost.Marginal(load + 1)}");
    }
}
