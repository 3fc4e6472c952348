namespace Allot.Core.Value;

/// <summary>Log-gamma, digamma, log-beta, log-sum-exp and the Gauss hypergeometric series the value models need,
/// all in log space where a plain product would overflow.</summary>
/// <remarks>Arguments of the gamma functions are positive throughout the models, so no reflection is needed;
/// a non-positive argument gives NaN rather than a wrong number.</remarks>
internal static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    // Lanczos approximation, g = 7, nine terms (relative error about 1e-15 for x ≥ 0.5).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) return double.NaN;
        if (x < 0.5) return LogGamma(x + 1) - Math.Log(x); // Γ(x) = Γ(x + 1) / x keeps the series in its range
        if (x > 1e7)
        {
            // Stirling with two correction terms: exact to double precision this far out, and no cancellation.
            double inv = 1 / x;
            return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + inv / 12 - inv * inv * inv / 360;
        }
        double y = x - 1;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (y + i);
        double t = y + 7.5;
        return HalfLogTwoPi + (y + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ψ(x) = d ln Γ(x) / dx for x &gt; 0 (recurrence up to 10, then the asymptotic series).</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0)) return double.NaN;
        double result = 0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }
        double inv = 1 / x, inv2 = inv * inv;
        return result + Math.Log(x) - 0.5 * inv
            - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln(eᵃ + eᵇ) without overflow; −∞ arguments are allowed.</summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        return a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
    }

    /// <summary>ln(eᵃ − eᵇ) for a ≥ b; −∞ when they are equal.</summary>
    public static double LogDiffExp(double a, double b)
    {
        if (double.IsNegativeInfinity(b)) return a;
        if (b >= a) return double.NegativeInfinity;
        double d = b - a;
        // log1p(−eᵈ): for d near 0 use log(−expm1(d)) to keep the digits.
        return a + (d > -0.6931471805599453 ? Math.Log(-ExpM1(d)) : Math.Log(1 - Math.Exp(d)));
    }

    /// <summary>eˣ − 1, accurate for small x.</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) < 1e-5) return x + x * x / 2 + x * x * x / 6;
        return Math.Exp(x) - 1;
    }

    /// <summary>(1 − e^{εL}) / ε, the limit −L as ε → 0; used where a power's exponent can pass through zero.</summary>
    public static double OneMinusPowerOverExponent(double epsilon, double logBase)
    {
        double u = epsilon * logBase;
        if (Math.Abs(u) < 1e-8) return -logBase * (1 + u / 2);
        return -ExpM1(u) / epsilon;
    }

    /// <summary>Σₙ (b)ₙ / (c)ₙ zⁿ = ₂F₁(1, b; c; z) for 0 ≤ z &lt; 1 and 0 &lt; b ≤ c: every term is at most zⁿ,
    /// so the sum converges geometrically and lies in [1, 1 / (1 − z)].</summary>
    /// <returns>The sum, or NaN when it has not converged in <paramref name="maxTerms"/> terms.</returns>
    public static double Hyp2F1UnitA(double b, double c, double z, int maxTerms = 2_000_000)
    {
        if (z == 0) return 1;
        double sum = 1, term = 1;
        for (int n = 0; n < maxTerms; n++)
        {
            term *= (b + n) / (c + n) * z;
            sum += term;
            if (term < 1e-17 * sum) return sum;
        }
        return double.NaN;
    }
}
