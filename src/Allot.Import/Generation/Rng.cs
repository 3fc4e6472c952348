namespace Allot.Import.Generation;

/// <summary>xoshiro256** pseudo-random generator with the samplers the data model needs.</summary>
/// <remarks>A mutable struct: keep it in a local or a non-readonly field and pass it by <c>ref</c>. Every
/// (seed, stream, index) triple gets its own generator, so each entity's values depend on nothing generated
/// before it and the output files can be written in parallel without changing a byte.</remarks>
internal struct Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator for one entity (e.g. customer 17's orders) of one stream.</summary>
    public static Rng For(ulong seed, RngStream stream, long index)
    {
        var x = Mix(seed ^ Mix(0x9E3779B97F4A7C15UL * ((ulong)stream + 1)));
        x = Mix(x ^ Mix((ulong)index + 0xD1B54A32D192ED03UL));
        var rng = new Rng();
        rng._s0 = SplitMix(ref x);
        rng._s1 = SplitMix(ref x);
        rng._s2 = SplitMix(ref x);
        rng._s3 = SplitMix(ref x);
        return rng;
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>); <paramref name="n"/> must be positive.</summary>
    public int NextInt(int n) => (int)Math.BigMul(NextUInt64(), (ulong)n, out _);

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Standard normal (Marsaglia's polar method: needs no trigonometry).</summary>
    public double Normal()
    {
        while (true)
        {
            var u = 2 * NextDouble() - 1;
            var v = 2 * NextDouble() - 1;
            var s = u * u + v * v;
            if (s is > 0 and < 1)
                return u * Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
        }
    }

    /// <summary>Lognormal with the given parameters of the underlying normal.</summary>
    public double LogNormal(double mu, double sigma) => DeterministicMath.Exp(mu + sigma * Normal());

    /// <summary>Exponential with mean 1.</summary>
    public double Exponential() => -DeterministicMath.Log(NextOpenDouble());

    /// <summary>Gamma with the given shape and scale (Marsaglia–Tsang).</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1)
        {
            // Boost: Gamma(k) = Gamma(k+1) · U^(1/k).
            var boost = DeterministicMath.Pow(NextOpenDouble(), 1 / shape);
            return Gamma(shape + 1, scale) * boost;
        }

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextOpenDouble();
            if (u < 1 - 0.0331 * x * x * x * x || DeterministicMath.Log(u) < 0.5 * x * x + d * (1 - v + DeterministicMath.Log(v)))
                return d * v * scale;
        }
    }

    /// <summary>Beta(<paramref name="a"/>, <paramref name="b"/>) as a ratio of gammas.</summary>
    public double Beta(double a, double b)
    {
        var x = Gamma(a, 1);
        var y = Gamma(b, 1);
        return x / (x + y);
    }

    /// <summary>Poisson with the given mean (Knuth for small means, a rounded normal beyond).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 40)
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));

        var limit = DeterministicMath.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= NextDouble();
            count++;
        }

        return count;
    }

    /// <summary>Index drawn with probability proportional to <paramref name="cumulative"/> weights' increments.</summary>
    /// <param name="cumulative">Running totals of the weights; the last entry is the total.</param>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var target = NextDouble() * cumulative[^1];
        var lo = 0;
        var hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cumulative[mid] > target)
                hi = mid;
            else
                lo = mid + 1;
        }

        return lo;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
