using Allot.Core.Allocation;

namespace Allot.Core.Tests.Allocation;

public sealed class AssignmentProblemTests
{
    [Fact]
    public void Constructor_BadInput_ThrowsNamingTheProblem()
    {
        AssignmentProblem Make(int[] reps, long[] costs, int[]? fixedRep = null) =>
            new(2, 1, [0], [0, reps.Length], reps, costs, [10], [5, 5], fixedRep: fixedRep);

        Assert.Contains("names rep 1 twice", Assert.Throws<ArgumentException>(() => Make([1, 1], [1, 2])).Message);
        Assert.Contains("names rep 2, outside 0..1", Assert.Throws<ArgumentException>(() => Make([2], [1])).Message);
        Assert.Contains("locked to rep 1, which is not one of its candidates", Assert.Throws<ArgumentException>(() => Make([0], [1], [1])).Message);
        Assert.Contains("is beyond", Assert.Throws<ArgumentException>(() => Make([0], [AssignmentProblem.MaxAbsCost + 1])).Message);
        Assert.Throws<ArgumentException>(() => new AssignmentProblem(2, 1, [0], [0, 1], [0], [1], [10], [5]));
        Assert.Throws<ArgumentException>(() => new AssignmentProblem(2, 1, [1], [0, 1], [0], [1], [10], [5, 5]));
    }

    [Fact]
    public void ViolationsAndCost_EveryHardConstraintAndTheObjective()
    {
        var b = new AssignmentProblemBuilder(2, 2);
        b.AddCustomer(0, 100, [0, 1], [3, 4]);
        b.AddCustomer(1, 100, [0], [5], fixedRep: 0);
        b.AddCustomer(1, 70, [1], [6]);
        b.SetCapacity(1, 1).SetTierCapacity(0, 1, 0).SetRepLoadCost(0, LoadCost.Linear(2)).SetTierLoadCost(1, 0, LoadCost.AboveThreshold(0, 9));
        var p = b.Build();
        Assert.Equal(["customer 1 is locked to rep 0 but unassigned", "customer 2 went to rep 0, which is not one of its candidates"],
            p.Violations([1, AssignmentProblem.None, 0]));
        Assert.Equal(["rep 1 holds 2 accounts, capacity 1"], p.Violations([1, 0, 1]).Where(v => v.StartsWith("rep 1", StringComparison.Ordinal)));
        Assert.Equal(["rep 0 holds 1 accounts of tier 1, capacity 0"], p.Violations([AssignmentProblem.None, 0, AssignmentProblem.None]));
        var relaxed = new AssignmentProblemBuilder(2, 2);
        relaxed.AddCustomer(0, 100, [0, 1], [3, 4]);
        relaxed.AddCustomer(1, 70, [1], [6]);
        relaxed.SetRepLoadCost(0, LoadCost.Linear(2)).SetTierLoadCost(1, 0, LoadCost.AboveThreshold(0, 9));
        // Customer 0 at rep 1 (4, tier-0 load cost 9), customer 1 unassigned (70).
        Assert.Equal(83, relaxed.Build().Cost([1, AssignmentProblem.None]));
        Assert.Throws<ArgumentException>(() => p.Cost([1, AssignmentProblem.None, 0]));
    }
}
