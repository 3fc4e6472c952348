namespace Allot.Core.Classification.Clustering;

/// <summary>A small deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) so clustering
/// gives the same answer for the same seed on every machine and .NET version.</summary>
/// <remarks>System.Random is not used because its algorithm is not a documented contract. Not thread-safe: one
/// instance per sequence. Not for security.</remarks>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Starts a sequence from a seed.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Mix(_state);
        }
    }

    /// <summary>A uniform double in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    /// <remarks>Rejection sampling, so there is no modulo bias.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong b = (ulong)bound;
        ulong limit = ulong.MaxValue - ulong.MaxValue % b;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(r % b);
    }

    /// <summary>A standard normal value (mean 0, standard deviation 1), by the Box–Muller transform.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: the logarithm stays finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The SplitMix64 finaliser: a bijective scramble of 64 bits, used to derive independent seeds
    /// (one per restart) from one seed.</summary>
    public static ulong Mix(ulong value)
    {
        unchecked
        {
            ulong z = value;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
