using Allot.Core.Classification.Runs;

namespace Allot.Core.Tests.Classification;

public sealed class RunComparisonTests
{
    [Fact]
    public void Compare_MovesNewAndGone_MatrixAndLists()
    {
        var first = new[] { ("c1", "A", 100.0), ("c2", "B", 50.0), ("c3", "C", 10.0), ("c4", "B", 40.0) };
        var second = new[] { ("c1", "B", 60.0), ("c2", "A", 120.0), ("c3", "C", 12.0), ("c5", "C", 5.0) };
        var cmp = RunComparison.Compare(["A", "B", "C"], first, second);

        Assert.Equal(["A", "B", "C"], cmp.Tiers);
        Assert.Equal(["c2"], cmp.Up.Select(m => m.CustomerKey));
        Assert.Equal(["c1"], cmp.Down.Select(m => m.CustomerKey));
        Assert.Contains(cmp.Cells, c => c == new MigrationCell("A", "B", 1, 60));
        Assert.Contains(cmp.Cells, c => c == new MigrationCell("B", null, 1, 40));
        Assert.Contains(cmp.Cells, c => c == new MigrationCell(null, "C", 1, 5));
        Assert.Equal(5, cmp.Cells.Sum(c => c.Customers));
        var reversed = RunComparison.Compare(["A", "B", "C"], first.Reverse(), second.Reverse());
        Assert.Equal(cmp.Cells, reversed.Cells);
        Assert.Equal(cmp.Up, reversed.Up);
        Assert.Equal(cmp.Down, reversed.Down);
    }
}
