using System.Runtime.CompilerServices;

namespace Allot.Core.Classification;

/// <summary>Rows ordered by a value, highest first, ties by row (the indicator table's rows are in key order, so
/// that is ties by key): a stable numeric sort (<see cref="NumericSort"/>), then any run of equal values not in row
/// order (rows given out of order) put back in it.</summary>
internal static class Ranking
{
    /// <summary>Sorts <paramref name="rows"/> by <paramref name="values"/>[row] descending, ties by row ascending.</summary>
    /// <param name="values">Finite values (no NaN), by row.</param>
    /// <param name="rows">The rows to order, in place.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Descending(ReadOnlySpan<double> values, int[] rows)
    {
        var keys = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++) keys[k] = -values[rows[k]];
        NumericSort.Ascending(keys, rows);
        for (int start = 0; start < rows.Length;)
        {
            int end = start + 1;
            bool ordered = true;
            for (; end < rows.Length && keys[end] == keys[start]; end++) ordered &= rows[end - 1] < rows[end];
            if (!ordered) Array.Sort(rows, start, end - start);
            start = end;
        }
    }
}
