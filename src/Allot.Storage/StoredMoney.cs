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
        decimal scaled = decimal.Round(value * Scale, 0, MidpointRounding.ToEven);
        if (scaled is > long.MaxValue or < long.MinValue)
            throw new StoreException($"the amount {value} is too large for the store (at most ±922 trillion)");
        return (long)scaled;
    }

    /// <summary>Converts a stored integer back to money.</summary>
    public static decimal FromStored(long stored) => stored / Scale;
}
