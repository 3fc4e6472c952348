using Allot.Core.Classification;

namespace Allot.Core.Tests.Classification;

public sealed class NumericSortTests
{
    // Values of every kind the classifiers rank: negatives, zeros of both signs, ties, tiny and huge magnitudes,
    // infinities, and runs of money-like values (few distinct high bytes).
    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = random.Next(10) switch
            {
                0 => -random.Next(1000) / 4.0,
                1 => random.Next(2) == 0 ? 0.0 : -0.0,
                2 => Math.Round(random.NextDouble() * 100, 2),
                3 => random.NextDouble() * 1e-300,
                4 => -random.NextDouble() * 1e300,
                5 => random.Next(50) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                6 => random.Next(5),
                _ => Math.Round(random.NextDouble() * 50_000, 2),
            };
        }
        return values;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Ascending_OrdersAsComparisonSortDoes_AndKeepsEqualKeysInTheirOrder(int n)
    {
        var values = Values(n, seed: n + 1);
        var keys = (double[])values.Clone();
        int[] rows = [.. Enumerable.Range(0, n)];
        NumericSort.Ascending(keys, rows);

        // Independently: LINQ's OrderBy is a stable comparison sort, and −0 equals +0 to it.
        int[] expected = [.. Enumerable.Range(0, n).OrderBy(i => values[i])];
        Assert.Equal(expected, rows);
        for (int k = 0; k < n; k++) Assert.True(keys[k] == values[rows[k]], $"key {k} moved without its row");
        Assert.DoesNotContain(keys, k => k == 0 && double.IsNegative(k));
    }

    [Fact]
    public void Ascending_WithoutRows_SortsTheKeys()
    {
        var values = Values(5000, seed: 7);
        var keys = (double[])values.Clone();
        NumericSort.Ascending(keys, null);
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        Assert.Equal(expected.Length, keys.Length);
        for (int k = 0; k < keys.Length; k++) Assert.True(expected[k] == keys[k]);
    }

    [Fact]
    public void Ascending_AllEqual_LeavesRowsInPlace()
    {
        var keys = Enumerable.Repeat(12.5, 300).ToArray();
        int[] rows = [.. Enumerable.Range(0, 300).Reverse()];
        NumericSort.Ascending(keys, rows);
        Assert.Equal(Enumerable.Range(0, 300).Reverse(), rows);
    }

    [Fact]
    public void Ascending_NaNOrRowsOfAnotherLength_Refused()
    {
        Assert.Throws<ArgumentException>(() => NumericSort.Ascending([1, double.NaN], [0, 1]));
        Assert.Throws<ArgumentException>(() => NumericSort.Ascending([1, 2], [0]));
    }

    [Fact]
    public void RankingDescending_RowsGivenOutOfOrder_TiesStillByRow()
    {
        double[] values = [3, 1, 3, 2, 3, 1];
        int[] rows = [5, 4, 3, 2, 1, 0];
        Ranking.Descending(values, rows);
        Assert.Equal([0, 2, 4, 3, 1, 5], rows);
    }
}
