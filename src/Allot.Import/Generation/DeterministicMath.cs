namespace Allot.Import.Generation;

/// <summary>Logarithm and exponential built only from IEEE-754 basic operations.</summary>
/// <remarks><see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> call the platform's C library, whose last bit
/// differs between glibc, MSVC and macOS; the generator promises identical bytes everywhere, so it uses these
/// instead. Accuracy is about 1e-15 relative, far more than the data needs.</remarks>
internal static class DeterministicMath
{
    private const double Ln2 = 0.693147180559945309417232121458;

    // Reciprocals of 1..27, so the series loops multiply instead of divide.
    private static readonly double[] Reciprocals = [.. Enumerable.Range(0, 28).Select(n => n == 0 ? 0 : 1.0 / n)];

    /// <summary>Natural logarithm of a positive, finite <paramref name="x"/>.</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
            throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive finite value.");

        // Split x = m · 2^e with m in [√½, √2) so the atanh series below converges fast.
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first (exact).
            return Log(x * 18014398509481984.0) - 54 * Ln2;
        }

        var e = exponent - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }

        // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172.
        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        var series = Reciprocals[27];
        for (var k = 25; k >= 1; k -= 2)
            series = series * s2 + Reciprocals[k];

        return 2.0 * s * series + e * Ln2;
    }

    /// <summary>e raised to <paramref name="x"/>; underflows to 0 and saturates at <see cref="double.MaxValue"/>.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
            throw new ArgumentOutOfRangeException(nameof(x), x, "Exp needs a number.");
        if (x < -745)
            return 0;
        if (x > 709)
            return double.MaxValue;

        // exp(x) = 2^k · exp(r), |r| ≤ ln2/2; the Taylor series of exp(r) then needs ~16 terms.
        var k = Math.Round(x / Ln2);
        var r = x - k * Ln2;
        var sum = 1.0;
        for (var n = 18; n >= 1; n--)
            sum = 1.0 + sum * r * Reciprocals[n];

        return Math.ScaleB(sum, (int)k);
    }

    /// <summary><paramref name="x"/> (positive) raised to <paramref name="y"/>.</summary>
    public static double Pow(double x, double y) => Exp(y * Log(x));
}
