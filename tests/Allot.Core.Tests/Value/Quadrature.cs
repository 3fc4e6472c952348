namespace Allot.Core.Tests.Value;

/// <summary>Nodes and weights for integrating against an (unnormalised) gamma or beta mixing density, written
/// independently of the models: composite Simpson after substitutions that take the density's power-law ends
/// (λ^{r−1} at 0, p^{a−1} and (1−p)^{b−1} at 0 and 1) out of the integrand.</summary>
internal static class Quadrature
{
    private const int Intervals = 500; // even, for Simpson

    /// <summary>∫₀^upper λ^{shape−1} e^{−rate·λ} h(λ) dλ ≈ Σ wᵢ h(λᵢ), by λ = vᴺ with N = ⌈4/shape⌉, which turns
    /// λ^{shape−1}dλ into N·v^{N·shape−1}dv (at least three times differentiable) and keeps h(vᴺ) smooth.</summary>
    public static (double[] Nodes, double[] Weights) Gamma(double shape, double rate, double upper)
    {
        int power = (int)Math.Ceiling(4 / shape);
        var (v, w) = Simpson(0, Math.Pow(upper, 1.0 / power));
        var nodes = new double[v.Length];
        var weights = new double[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            nodes[i] = Math.Pow(v[i], power);
            weights[i] = w[i] * power * Math.Pow(v[i], power * shape - 1) * Math.Exp(-rate * nodes[i]);
        }
        return (nodes, weights);
    }

    /// <summary>∫₀¹ p^{a−1}(1−p)^{b−1} h(p) dp ≈ Σ wᵢ h(pᵢ): p = vᴺ on [0, ½] and 1 − p = vᴹ on [½, 1], N = ⌈4/a⌉,
    /// M = ⌈4/b⌉, for the same reason.</summary>
    public static (double[] Nodes, double[] Weights) Beta(double a, double b)
    {
        int n = (int)Math.Ceiling(4 / a), m = (int)Math.Ceiling(4 / b);
        var (vl, wl) = Simpson(0, Math.Pow(0.5, 1.0 / n));
        var (vr, wr) = Simpson(0, Math.Pow(0.5, 1.0 / m));
        var nodes = new List<double>();
        var weights = new List<double>();
        for (int i = 0; i < vl.Length; i++)
        {
            double p = Math.Pow(vl[i], n);
            nodes.Add(p);
            weights.Add(wl[i] * n * Math.Pow(vl[i], n * a - 1) * Math.Pow(1 - p, b - 1));
        }
        for (int i = 0; i < vr.Length; i++)
        {
            double q = Math.Pow(vr[i], m);
            nodes.Add(1 - q);
            weights.Add(wr[i] * m * Math.Pow(vr[i], m * b - 1) * Math.Pow(1 - q, a - 1));
        }
        return ([.. nodes], [.. weights]);
    }

    /// <summary>Σᵢⱼ wᵢ vⱼ f(xᵢ, yⱼ).</summary>
    public static double Sum2(double[] x, double[] wx, double[] y, double[] wy, Func<double, double, double> f)
    {
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (wx[i] == 0) continue;
            double row = 0;
            for (int j = 0; j < y.Length; j++) row += wy[j] * f(x[i], y[j]);
            total += wx[i] * row;
        }
        return total;
    }

    private static (double[] Nodes, double[] Weights) Simpson(double from, double to)
    {
        double h = (to - from) / Intervals;
        var nodes = new double[Intervals + 1];
        var weights = new double[Intervals + 1];
        for (int i = 0; i <= Intervals; i++)
        {
            nodes[i] = from + i * h;
            weights[i] = h / 3 * (i == 0 || i == Intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return (nodes, weights);
    }
}
