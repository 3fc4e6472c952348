using System.Runtime.CompilerServices;

namespace Allot.Core.Classification;

/// <summary>Sorts numbers ascending (with the rows they belong to) by a least-significant-digit radix sort on their
/// bits: eight passes of one byte each, a pass skipped when every number has the same byte there. Stable: equal
/// numbers keep their order.</summary>
/// <remarks>On the million-row columns the classifiers rank, this is two to three times quicker than the
/// comparison sort of <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/>. A double's bits, with the sign bit
/// flipped for positive numbers and every bit flipped for negative ones, order as unsigned integers exactly as the
/// numbers do; −0 is made +0 first, so the two are one value here as they are to <c>==</c>.</remarks>
internal static class NumericSort
{
    private const ulong SignBit = 1UL << 63;

    /// <summary>Sorts <paramref name="keys"/> ascending in place and moves <paramref name="rows"/> (when given) with
    /// them; equal keys keep their order. A −0 key comes back as +0.</summary>
    /// <param name="keys">The numbers; none NaN.</param>
    /// <param name="rows">Carried along with the keys, as long as they are; or null.</param>
    /// <exception cref="ArgumentException">A NaN key, or rows of another length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Ascending(double[] keys, int[]? rows)
    {
        int n = keys.Length;
        if (rows is not null && rows.Length != n) throw new ArgumentException("one row per key", nameof(rows));
        if (n < 2) return;
        var bits = new ulong[n];
        var counts = new int[8 * 256];
        for (int i = 0; i < n; i++)
        {
            double d = keys[i];
            if (double.IsNaN(d)) throw new ArgumentException("NaN cannot be ranked", nameof(keys));
            ulong b = BitConverter.DoubleToUInt64Bits(d == 0 ? 0.0 : d);
            b = (b & SignBit) != 0 ? ~b : b | SignBit;
            bits[i] = b;
            for (int digit = 0; digit < 8; digit++) counts[digit << 8 | (int)(b >> (8 * digit) & 0xFF)]++;
        }
        ulong[] fromBits = bits, toBits = new ulong[n];
        int[]? fromRows = rows, toRows = rows is null ? null : new int[n];
        var offsets = new int[256];
        for (int digit = 0; digit < 8; digit++)
        {
            var count = counts.AsSpan(digit << 8, 256);
            int shift = 8 * digit;
            if (count[(int)(fromBits[0] >> shift & 0xFF)] == n) continue; // every key has this byte
            for (int v = 0, sum = 0; v < 256; v++)
            {
                offsets[v] = sum;
                sum += count[v];
            }
            if (fromRows is null)
            {
                foreach (ulong b in fromBits) toBits[offsets[(int)(b >> shift & 0xFF)]++] = b;
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    ulong b = fromBits[i];
                    int at = offsets[(int)(b >> shift & 0xFF)]++;
                    toBits[at] = b;
                    toRows![at] = fromRows[i];
                }
            }
            (fromBits, toBits) = (toBits, fromBits);
            (fromRows, toRows) = (toRows, fromRows);
        }
        for (int i = 0; i < n; i++)
        {
            ulong b = fromBits[i];
            keys[i] = BitConverter.UInt64BitsToDouble((b & SignBit) != 0 ? b & ~SignBit : ~b);
        }
        if (rows is not null && !ReferenceEquals(fromRows, rows)) fromRows!.CopyTo(rows, 0);
    }
}
