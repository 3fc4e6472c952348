using System.Runtime.CompilerServices;

namespace Allot.Core.Classification;

/// <summary>Scores 1–5 by rank: score = 1 + ⌊5·(rank − 1)/N⌋.</summary>
/// <remarks>Rank is 1-based over the N included values, ascending (or descending when asked); tied values share
/// the lowest rank of their run, so equal values always get equal scores and a larger value never gets a lower
/// score (with ascending order). Excluded rows get 0.</remarks>
internal static class QuintileScores
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Of(double[] values, bool[] include, bool descending)
    {
        int count = 0;
        foreach (bool b in include)
            if (b) count++;
        var rows = new int[count];
        // Keys copied so the sort is a plain numeric one; the order among tied values does not matter.
        var sortKeys = new double[count];
        for (int i = 0, k = 0; i < values.Length; i++)
        {
            if (!include[i]) continue;
            rows[k] = i;
            sortKeys[k++] = descending ? -values[i] : values[i];
        }
        NumericSort.Ascending(sortKeys, rows);
        int n = rows.Length;
        var scores = new int[values.Length];
        int runStart = 0;
        for (int k = 0; k < n; k++)
        {
            if (k > 0 && sortKeys[k] != sortKeys[k - 1]) runStart = k;
            long rank = runStart + 1;
            scores[rows[k]] = 1 + (int)(5 * (rank - 1) / n);
        }
        return scores;
    }
}
