using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

/// <summary>Per-customer quantities against direct numerical integration of each model's individual-level behaviour
/// over its mixing distributions — not the closed forms the models use.</summary>
public sealed class IndependentCheckTests
{
    private static readonly BgNbdModel Bg = new(0.243, 4.414, 0.793, 2.426);
    private static readonly ParetoNbdModel Pareto = new(0.553, 10.578, 0.606, 11.669);

    public static TheoryData<int, double, double> Histories => new()
    {
        { 0, 0, 38.86 }, { 1, 2.0, 38.86 }, { 2, 30.43, 38.86 }, { 5, 20.0, 30.0 }, { 3, 35.0, 38.0 }, { 8, 38.0, 39.0 },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void BgNbd_PerCustomer_MatchesIntegrationOverGammaAndBeta(int x, double tx, double t)
    {
        const double horizon = 39;
        var (lam, wl) = Quadrature.Gamma(Bg.R, Bg.Alpha, (Bg.R + x + 45 + 12 * Math.Sqrt(Bg.R + x)) / (Bg.Alpha + tx));
        var (p, wp) = Quadrature.Beta(Bg.A, Bg.B);
        // Individual level (FHL 2005 §3): alive after x repeat purchases with no purchase since, or dropped after the x-th.
        double Alive(double l, double q) => Math.Pow(1 - q, x) * Math.Pow(l, x) * Math.Exp(-l * t);
        double Dead(double l, double q) => x == 0 ? 0 : q * Math.Pow(1 - q, x - 1) * Math.Pow(l, x) * Math.Exp(-l * tx);
        double evidence = Quadrature.Sum2(lam, wl, p, wp, (l, q) => Alive(l, q) + Dead(l, q));
        double pAlive = Quadrature.Sum2(lam, wl, p, wp, Alive) / evidence;
        // An active customer's expected purchases in t: 1/p − e^{−λpt}/p (purchases until the geometric dropout).
        double expected = Quadrature.Sum2(lam, wl, p, wp, (l, q) => Alive(l, q) * OneMinusExpOver(l * horizon, q)) / evidence;

        Assert.Equal(pAlive, Bg.ProbabilityAlive(x, tx, t), 1e-6);
        Assert.Equal(expected, Bg.ExpectedPurchases(horizon, x, tx, t), 1e-6);
        for (int n = 0; n <= 4; n++)
        {
            int k = n;
            double Poisson(double l, int j) => Math.Exp(j * Math.Log(l * horizon) - l * horizon - LogFactorial(j));
            double Individual(double l, double q)
            {
                double prob = Math.Pow(1 - q, k) * Poisson(l, k);
                if (k > 0)
                {
                    double below = 0;
                    for (int j = 0; j < k; j++) below += Poisson(l, j);
                    prob += q * Math.Pow(1 - q, k - 1) * (1 - below);
                }
                return prob;
            }
            double pn = Quadrature.Sum2(lam, wl, p, wp, (l, q) => Alive(l, q) * Individual(l, q) + (k == 0 ? Dead(l, q) : 0)) / evidence;
            Assert.Equal(pn, Bg.ProbabilityOfPurchases(n, horizon, x, tx, t), 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void ParetoNbd_PerCustomer_MatchesIntegrationOverTwoGammas(int x, double tx, double t)
    {
        const double horizon = 39;
        var (lam, wl) = Quadrature.Gamma(Pareto.R, Pareto.Alpha, (Pareto.R + x + 45 + 12 * Math.Sqrt(Pareto.R + x)) / (Pareto.Alpha + tx));
        var (mu, wm) = Quadrature.Gamma(Pareto.S, Pareto.Beta, (Pareto.S + 45 + 12 * Math.Sqrt(Pareto.S + 1)) / (Pareto.Beta + tx));
        // Individual level: alive through T, or died at some τ in (tₓ, T] with no purchase after tₓ.
        double Alive(double l, double m) => Math.Pow(l, x) * Math.Exp(-(l + m) * t);
        double Dead(double l, double m) => Math.Pow(l, x) * m / (l + m) * (Math.Exp(-(l + m) * tx) - Math.Exp(-(l + m) * t));
        double evidence = Quadrature.Sum2(lam, wl, mu, wm, (l, m) => Alive(l, m) + Dead(l, m));
        double pAlive = Quadrature.Sum2(lam, wl, mu, wm, Alive) / evidence;
        double expected = Quadrature.Sum2(lam, wl, mu, wm, (l, m) => Alive(l, m) * l * OneMinusExpOver(horizon, m)) / evidence;

        Assert.Equal(pAlive, Pareto.ProbabilityAlive(x, tx, t), 1e-6);
        Assert.Equal(expected, Pareto.ExpectedPurchases(horizon, x, tx, t), 1e-5);
    }

    [Theory]
    [InlineData(1, 10.0)]
    [InlineData(3, 42.5)]
    [InlineData(12, 7.25)]
    public void GammaGamma_ConditionalMeanSpend_MatchesIntegrationOverNu(int x, double meanSpend)
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        // Posterior of ν given x amounts of mean m: ∝ ν^{q−1}e^{−γν} · ν^{px}e^{−ν·x·m}; E[amount | ν] = p/ν.
        double shape = model.Q + model.P * x, rate = model.Gamma + x * meanSpend;
        var (nu, w) = Quadrature.Gamma(shape, rate, (shape + 45 + 12 * Math.Sqrt(shape)) / rate);
        double evidence = 0, mean = 0;
        for (int i = 0; i < nu.Length; i++)
        {
            if (w[i] == 0) continue; // ν = 0 carries no weight
            evidence += w[i];
            mean += w[i] * model.P / nu[i];
        }
        Assert.Equal(mean / evidence, model.ConditionalMeanSpend(x, meanSpend), 1e-6);
    }

    [Theory]
    [InlineData(0, 0, 6)]
    [InlineData(2, 4, 6)]
    [InlineData(6, 6, 6)]
    [InlineData(3, 5, 9)]
    public void BgBb_PerCustomer_MatchesIntegrationOverTwoBetas(int x, int tx, int n)
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        var (p, wp) = Quadrature.Beta(model.Alpha, model.Beta);
        var (th, wt) = Quadrature.Beta(model.Gamma, model.Delta);
        double Likelihood(double q, double d)
        {
            double l = Math.Pow(q, x) * Math.Pow(1 - q, n - x) * Math.Pow(1 - d, n);
            for (int i = 0; i < n - tx; i++) l += Math.Pow(q, x) * Math.Pow(1 - q, tx - x + i) * d * Math.Pow(1 - d, tx + i);
            return l;
        }
        double evidence = Quadrature.Sum2(p, wp, th, wt, Likelihood);
        double alive = Quadrature.Sum2(p, wp, th, wt, (q, d) => Math.Pow(q, x) * Math.Pow(1 - q, n - x) * Math.Pow(1 - d, n + 1)) / evidence;
        double future = Quadrature.Sum2(p, wp, th, wt, (q, d) =>
        {
            double s = 0;
            for (int k = 1; k <= 5; k++) s += Math.Pow(1 - d, n + k);
            return Math.Pow(q, x + 1) * Math.Pow(1 - q, n - x) * s;
        }) / evidence;
        Assert.Equal(alive, model.ProbabilityAlive(x, tx, n), 1e-6);
        Assert.Equal(future, model.ExpectedTransactions(5, x, tx, n), 1e-6);
    }

    // (1 − e^{−c·q}) / q, continuous at q = 0 (where the beta grid has a node).
    private static double OneMinusExpOver(double c, double q)
    {
        double u = c * q;
        return u < 1e-6 ? c * (1 - u / 2) : (1 - Math.Exp(-u)) / q;
    }

    private static double LogFactorial(int n)
    {
        double s = 0;
        for (int i = 2; i <= n; i++) s += Math.Log(i);
        return s;
    }
}
