namespace Allot.Core.Value;

/// <summary>Sums per-row contributions over fixed chunks, in parallel, then adds the chunks' totals in chunk order,
/// so the result is the same bytes on every run and every machine whatever the thread scheduling.</summary>
internal static class ChunkedSum
{
    private const int ChunkSize = 8192;

    /// <summary>Adds, for rows [start, end), into <c>totals</c> (zeroed, one slot per summed quantity).</summary>
    public delegate void Body(int start, int end, double[] totals);

    /// <summary>Runs <paramref name="body"/> over every chunk of <paramref name="count"/> rows and returns the sums.</summary>
    public static double[] Run(int count, int width, Body body)
    {
        int chunks = (count + ChunkSize - 1) / ChunkSize;
        var result = new double[width];
        if (chunks <= 1)
        {
            body(0, count, result);
            return result;
        }
        var partial = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var totals = new double[width];
            body(c * ChunkSize, Math.Min(count, (c + 1) * ChunkSize), totals);
            partial[c] = totals;
        });
        foreach (var totals in partial)
            for (int k = 0; k < width; k++) result[k] += totals[k];
        return result;
    }
}
