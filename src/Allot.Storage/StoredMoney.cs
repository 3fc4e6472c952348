namespace Allot.Storage;

/// <summary>Money as stored: an integer count of 1/10,000 units, so sums in SQL are exact.</summary>
public static class StoredMoney
{
    /// <summary>Scale of the stored integer.</summary>
    public const decimal Scale = 10_000m;

    /// <summary>Converts to the stored integer, rounding half to even beyond four decimals.</summary>
    /// <exception cref="StoreException">The amount is beyond ±922 trillion, outside what the store holds.</exception>
    public static long ToStored(decimal value)
    {
        // Up to four decimals (every amount an export writes): exact in integers, without decimal arithmetic.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        ulong digits = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (scale <= 4 && bits[2] == 0 && digits <= MaxExactDigits)
        {
            long units = (long)digits * Pow10[4 - scale];
            return bits[3] < 0 ? -units : units;
        }
        decimal scaled = decimal.Round(value * Scale, 0, MidpointRounding.ToEven);
        if (scaled is > long.MaxValue or < long.MinValue)
            throw new StoreException($"the amount {value} is too large for the store (at most ±922 trillion)");
        return (long)scaled;
    }

    // Digits that stay within 64 bits when scaled by 10^4.
    private const ulong MaxExactDigits = long.MaxValue / 10_000;

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000];

    /// <summary>Converts a stored integer back to money.</summary>
    public static decimal FromStored(long stored) => stored / Scale;
}
