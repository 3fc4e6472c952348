namespace Allot.Core.Classification;

/// <summary>Rows ordered by a value, highest first, ties by row (the indicator table's rows are in key order, so
/// that is ties by key): a plain numeric sort, then each run of equal values put back in row order.</summary>
internal static class Ranking
{
    /// <summary>Sorts <paramref name="rows"/> by <paramref name="values"/>[row] descending, ties by row ascending.</summary>
    /// <param name="values">Finite values (no NaN), by row.</param>
    /// <param name="rows">The rows to order, in place.</param>
    public static void Descending(ReadOnlySpan<double> values, int[] rows)
    {
        var keys = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++) keys[k] = -values[rows[k]];
        Array.Sort(keys, rows);
        for (int start = 0; start < rows.Length;)
        {
            int end = start + 1;
            while (end < rows.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(rows, start, end - start);
            start = end;
        }
    }
}
