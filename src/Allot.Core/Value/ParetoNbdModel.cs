using static Allot.Core.Value.SpecialFunctions;

namespace Allot.Core.Value;

/// <summary>The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while active a customer buys at Poisson
/// rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).</summary>
/// <remarks>The likelihood is that of Fader, Hardie &amp; Lee (2005, "A Note on Deriving the Pareto/NBD Model and
/// Related Expressions"), L = Γ(r+x)αʳβˢ/Γ(r) · [1/((α+T)^{r+x}(β+T)ˢ) + s/(r+s+x) · A₀], with A₀ the difference of
/// two ₂F₁(r+s+x, ·; r+s+x+1; z) terms, the branch chosen so 0 ≤ z &lt; 1. Each ₂F₁ is rewritten by Euler's
/// transformation as (1 − z)^{1−B} ₂F₁(1, A+1−B; A+1; z), a series whose terms never exceed zⁿ, and A₀ is formed
/// as a difference of logarithms: no overflow for any x. The conditional expectation is their eq. 22 (in
/// the form (r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^{s−1}]·P(alive), continuous through s = 1).</remarks>
/// <param name="R">Shape of the purchase-rate gamma.</param>
/// <param name="Alpha">Scale of the purchase-rate gamma.</param>
/// <param name="S">Shape of the dropout-rate gamma.</param>
/// <param name="Beta">Scale of the dropout-rate gamma.</param>
public sealed record ParetoNbdModel(double R, double Alpha, double S, double Beta) : ICountModel
{
    /// <summary>The parameters' names in the paper's order.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "s", "beta"];

    /// <inheritdoc />
    public string Name => "pareto-nbd";

    /// <summary>ln L(r, α, s, β | x, tₓ, T) of one customer.</summary>
    public double LogLikelihood(int x, double tx, double t) =>
        LogGamma(R + x) - LogGamma(R) + R * Math.Log(Alpha) + S * Math.Log(Beta) + LogBracket(R, Alpha, S, Beta, x, tx, t, out _, out _);

    /// <inheritdoc />
    public double ProbabilityAlive(int x, double tx, double t)
    {
        LogBracket(R, Alpha, S, Beta, x, tx, t, out double logAlive, out double logDead);
        if (double.IsNegativeInfinity(logDead)) return 1;
        return 1 / (1 + Math.Exp(logDead - logAlive));
    }

    /// <inheritdoc />
    public double ExpectedPurchasesIfAlive(double horizon, int x, double tx, double t)
    {
        if (horizon <= 0) return 0;
        double logQ = Math.Log((Beta + t) / (Beta + t + horizon));
        return (R + x) / (Alpha + t) * (Beta + t) * OneMinusPowerOverExponent(S - 1, logQ);
    }

    /// <inheritdoc />
    public double ExpectedPurchases(double horizon, int x, double tx, double t) =>
        horizon <= 0 ? 0 : ProbabilityAlive(x, tx, t) * ExpectedPurchasesIfAlive(horizon, x, tx, t);

    /// <inheritdoc />
    /// <remarks>rβ/(α(s−1))·[1 − (β/(β+t))^{s−1}] (Schmittlein et al. 1987).</remarks>
    public double ExpectedPurchasesNew(double horizon) => ExpectedPurchasesIfAlive(horizon, 0, 0, 0);

    /// <summary>Fits by maximum likelihood (numerical gradients: Nelder–Mead, then BFGS).</summary>
    /// <exception cref="ArgumentException">No customers, or an impossible history.</exception>
    public static ModelFit<ParetoNbdModel> Fit(IReadOnlyList<int> x, IReadOnlyList<double> tx, IReadOnlyList<double> t, IReadOnlyList<double>? weights = null)
    {
        var rows = HistoryRows.Group(x, tx, t, weights);
        double sumX = 0, sumT = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            sumX += rows.Weight[i] * rows.X[i];
            sumT += rows.Weight[i] * rows.TValues[rows.TIndex[i]];
        }
        double meanT = Math.Max(sumT / rows.TotalWeight, 1e-9);
        double rate = Math.Max(sumX, 1e-3 * rows.TotalWeight) / Math.Max(sumT, 1e-9);
        double[][] starts = [[1, 1 / rate, 1, meanT], [0.5, 0.5 / rate, 0.5, meanT / 2], [2, 2 / rate, 2, 2 * meanT]];
        var (p, report) = MaximumLikelihood.Fit("pareto-nbd", [.. ParameterNames], rows.TotalWeight,
            (theta, _) => NegativeMeanLogLikelihood(rows, theta), starts, analyticGradient: false);
        return new ModelFit<ParetoNbdModel>(new ParetoNbdModel(p[0], p[1], p[2], p[3]), report);
    }

    /// <summary>Fits on every customer of a summary.</summary>
    public static ModelFit<ParetoNbdModel> Fit(CustomerSummaries summaries) => Fit(summaries.X, summaries.Tx, summaries.T);

    private static double NegativeMeanLogLikelihood(HistoryRows rows, ReadOnlySpan<double> theta)
    {
        double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]), s = Math.Exp(theta[2]), beta = Math.Exp(theta[3]);
        if (!double.IsFinite(r + alpha + s + beta) || r <= 0 || alpha <= 0 || s <= 0 || beta <= 0) return double.NaN;
        var c0 = new double[rows.MaxX + 1];
        double lgR = LogGamma(r);
        for (int x = 0; x < c0.Length; x++) c0[x] = LogGamma(r + x) - lgR;
        var sums = ChunkedSum.Run(rows.Count, 1, (start, end, acc) =>
        {
            double ll = 0;
            for (int i = start; i < end; i++)
            {
                int x = rows.X[i];
                ll += rows.Weight[i] * (c0[x] + LogBracket(r, alpha, s, beta, x, rows.TxValues[rows.TxIndex[i]], rows.TValues[rows.TIndex[i]], out _, out _));
            }
            acc[0] += ll;
        });
        double logLik = sums[0] + rows.TotalWeight * (r * Math.Log(alpha) + s * Math.Log(beta));
        return double.IsFinite(logLik) ? -logLik / rows.TotalWeight : double.NaN;
    }

    // ln of the bracket [1/((α+T)^{r+x}(β+T)^s) + s/(r+s+x)·A₀]; its two parts are the customer's "alive at T" and
    // "dropped out in (tₓ, T]" shares.
    private static double LogBracket(double r, double alpha, double s, double beta, int x, double tx, double t,
        out double logAlive, out double logDead)
    {
        logAlive = -(r + x) * Math.Log(alpha + t) - s * Math.Log(beta + t);
        logDead = tx < t ? Math.Log(s / (r + s + x)) + LogDiffExp(LogF(r, alpha, s, beta, x, tx), LogF(r, alpha, s, beta, x, t)) : double.NegativeInfinity;
        return LogSumExp(logAlive, logDead);
    }

    // ln[₂F₁(r+s+x, B; r+s+x+1; z) / (max(α,β)+τ)^{r+s+x}], decreasing in τ.
    private static double LogF(double r, double alpha, double s, double beta, int x, double tau)
    {
        double c = r + s + x + 1;
        if (alpha >= beta)
        {
            double z = (alpha - beta) / (alpha + tau);
            return -s * Math.Log(beta + tau) - (r + x) * Math.Log(alpha + tau) + Math.Log(Hyp2F1UnitA(r + x, c, z));
        }
        double w = (beta - alpha) / (beta + tau);
        return (1 - r - x) * Math.Log(alpha + tau) - (s + 1) * Math.Log(beta + tau) + Math.Log(Hyp2F1UnitA(s + 1, c, w));
    }
}
