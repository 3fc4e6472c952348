using static Allot.Core.Value.SpecialFunctions;

namespace Allot.Core.Value;

/// <summary>The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way", Marketing
/// Science 24(2)): while active a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase the customer
/// drops out with probability p ~ Beta(a, b).</summary>
/// <remarks>Every expression is evaluated in log space or in a form whose terms stay bounded, so customers far
/// from the bulk (hundreds of purchases, long histories) give finite numbers. Formulas: the likelihood is FHL
/// (2005) eq. 6; P(alive) their eq. 11; the conditional expectation their eq. 10, with its ₂F₁ rewritten by
/// Euler's transformation ₂F₁(A,B;C;z) = (1 − z)^{C−A−B} ₂F₁(C−A, C−B; C; z) so that the large parameters sit
/// only in C (fast, bounded series) and the factor 1/(a − 1) cancels analytically (no trouble at a = 1).</remarks>
/// <param name="R">Shape of the purchase-rate gamma.</param>
/// <param name="Alpha">Scale (rate parameter) of the purchase-rate gamma, in the fit's time unit.</param>
/// <param name="A">First shape of the dropout-probability beta.</param>
/// <param name="B">Second shape of the dropout-probability beta.</param>
public sealed record BgNbdModel(double R, double Alpha, double A, double B) : ICountModel
{
    /// <summary>The parameters' names in the paper's order.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["r", "alpha", "a", "b"];

    /// <inheritdoc />
    public string Name => "bgnbd";

    /// <summary>ln L(r, α, a, b | x, tₓ, T) of one customer.</summary>
    public double LogLikelihood(int x, double tx, double t)
    {
        double common = LogGamma(R + x) - LogGamma(R) + R * Math.Log(Alpha) - LogBeta(A, B);
        double alive = LogBeta(A, B + x) - (R + x) * Math.Log(Alpha + t);
        if (x == 0) return common + alive;
        double dropped = LogBeta(A + 1, B + x - 1) - (R + x) * Math.Log(Alpha + tx);
        return common + LogSumExp(alive, dropped);
    }

    /// <inheritdoc />
    /// <remarks>1 for x = 0: in the BG/NBD a customer can only drop out right after a repeat purchase.</remarks>
    public double ProbabilityAlive(int x, double tx, double t)
    {
        if (x == 0) return 1;
        double logOdds = Math.Log(A / (B + x - 1)) + (R + x) * Math.Log((Alpha + t) / (Alpha + tx));
        return 1 / (1 + Math.Exp(logOdds)); // e^large = ∞ gives 0, never NaN
    }

    /// <inheritdoc />
    public double ExpectedPurchasesIfAlive(double horizon, int x, double tx, double t)
    {
        if (horizon <= 0) return 0;
        double c = A + B + x - 1;
        double z = horizon / (Alpha + t + horizon);
        double logOneMinusZ = Math.Log((Alpha + t) / (Alpha + t + horizon));
        // (1 − z)^{a−1} ₂F₁(a+b−1−r, a−1; c; z) = e^{εL}(1 + ε G) with ε = a − 1, so the bracket over ε is
        // (1 − e^{εL}) / ε − e^{εL} G.
        double epsilon = A - 1;
        double g = SeriesG(A + B - 1 - R, A, c, z);
        double h = OneMinusPowerOverExponent(epsilon, logOneMinusZ) - Math.Exp(epsilon * logOneMinusZ) * g;
        return c * h;
    }

    /// <inheritdoc />
    public double ExpectedPurchases(double horizon, int x, double tx, double t) =>
        horizon <= 0 ? 0 : ProbabilityAlive(x, tx, t) * ExpectedPurchasesIfAlive(horizon, x, tx, t);

    /// <inheritdoc />
    /// <remarks>FHL (2005) eq. 9, which is the conditional expectation at x = tₓ = T = 0.</remarks>
    public double ExpectedPurchasesNew(double horizon) => ExpectedPurchasesIfAlive(horizon, 0, 0, 0);

    /// <summary>P(exactly <paramref name="n"/> purchases in (T, T + horizon] | x, tₓ, T).</summary>
    /// <remarks>Derived from the individual-level pmf (FHL 2005 eq. 8) averaged over the posterior of an active
    /// customer (λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x)), weighted by P(alive), plus the mass 1 − P(alive) at
    /// zero:
    /// P(n) = P(alive)·[B(a, b+x+n)/B(a, b+x)·NB(n) + 1{n&gt;0}·B(a+1, b+x+n−1)/B(a, b+x)·(1 − Σ_{j&lt;n} NB(j))] + 1{n=0}(1 − P(alive)),
    /// with NB the negative binomial pmf of r + x and q = (α+T)/(α+T+horizon).</remarks>
    public double ProbabilityOfPurchases(int n, double horizon, int x, double tx, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        double pAlive = ProbabilityAlive(x, tx, t);
        if (horizon <= 0) return n == 0 ? 1 : 0;
        double logQ = Math.Log((Alpha + t) / (Alpha + t + horizon));
        double log1MinusQ = Math.Log(horizon / (Alpha + t + horizon));
        double shape = R + x;
        double lnBase = LogBeta(A, B + x);
        double NegBin(int j) => Math.Exp(LogGamma(shape + j) - LogGamma(shape) - LogGamma(j + 1) + shape * logQ + j * log1MinusQ);
        double exact = Math.Exp(LogBeta(A, B + x + n) - lnBase) * NegBin(n);
        double dropAfterN = 0;
        if (n > 0)
        {
            double below = 0;
            for (int j = 0; j < n; j++) below += NegBin(j);
            dropAfterN = Math.Exp(LogBeta(A + 1, B + x + n - 1) - lnBase) * Math.Max(0, 1 - below);
        }
        return pAlive * (exact + dropAfterN) + (n == 0 ? 1 - pAlive : 0);
    }

    /// <summary>Fits by maximum likelihood.</summary>
    /// <param name="x">Repeat purchases per customer.</param>
    /// <param name="tx">Time of the last repeat purchase (0 when x = 0).</param>
    /// <param name="t">Time since the first purchase.</param>
    /// <param name="weights">Customers per row (null: one each).</param>
    /// <exception cref="ArgumentException">No customers, or an impossible history.</exception>
    public static ModelFit<BgNbdModel> Fit(IReadOnlyList<int> x, IReadOnlyList<double> tx, IReadOnlyList<double> t, IReadOnlyList<double>? weights = null)
    {
        var rows = HistoryRows.Group(x, tx, t, weights);
        double sumX = 0, sumT = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            sumX += rows.Weight[i] * rows.X[i];
            sumT += rows.Weight[i] * rows.TValues[rows.TIndex[i]];
        }
        double rate = Math.Max(sumX, 1e-3 * rows.TotalWeight) / Math.Max(sumT, 1e-9);
        // Generic starts: a few shapes, each with the scale that matches the observed mean purchase rate.
        double[][] starts = [[1, 1 / rate, 1, 1], [0.5, 0.5 / rate, 0.5, 3], [2, 2 / rate, 2, 2]];
        var (p, report) = MaximumLikelihood.Fit("bgnbd", [.. ParameterNames], rows.TotalWeight,
            (theta, g) => NegativeMeanLogLikelihood(rows, theta, g), starts, analyticGradient: true);
        return new ModelFit<BgNbdModel>(new BgNbdModel(p[0], p[1], p[2], p[3]), report);
    }

    /// <summary>Fits on every customer of a summary.</summary>
    public static ModelFit<BgNbdModel> Fit(CustomerSummaries summaries) => Fit(summaries.X, summaries.Tx, summaries.T);

    // −LL / N and its gradient in θ = ln(r, α, a, b). Terms that depend on x alone are computed once per x, the
    // logarithms of α + T and α + tₓ once per distinct value.
    private static double NegativeMeanLogLikelihood(HistoryRows rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]), a = Math.Exp(theta[2]), b = Math.Exp(theta[3]);
        if (!double.IsFinite(r + alpha + a + b) || r <= 0 || alpha <= 0 || a <= 0 || b <= 0) return double.NaN;
        int m = rows.MaxX + 1;
        var c0 = new double[m];
        var dc0 = new double[m];
        var cA = new double[m];
        var cB = new double[m];
        var dA = new double[m * 2];
        var dB = new double[m * 2];
        double lgR = LogGamma(r), psiR = Digamma(r), lgB = LogGamma(b), lgAB = LogGamma(a + b), psiB = Digamma(b), psiAB = Digamma(a + b);
        for (int x = 0; x < m; x++)
        {
            double psiABx = Digamma(a + b + x), lgABx = LogGamma(a + b + x);
            c0[x] = LogGamma(r + x) - lgR;
            dc0[x] = Digamma(r + x) - psiR;
            cA[x] = LogGamma(b + x) - lgABx - lgB + lgAB;
            dA[2 * x] = psiAB - psiABx;
            dA[2 * x + 1] = Digamma(b + x) - psiABx - psiB + psiAB;
            if (x > 0)
            {
                cB[x] = Math.Log(a) + LogGamma(b + x - 1) - lgABx - lgB + lgAB;
                dB[2 * x] = 1 / a - psiABx + psiAB;
                dB[2 * x + 1] = Digamma(b + x - 1) - psiABx - psiB + psiAB;
            }
        }
        var lnT = new double[rows.TValues.Length];
        var invT = new double[lnT.Length];
        for (int k = 0; k < lnT.Length; k++) (lnT[k], invT[k]) = (Math.Log(alpha + rows.TValues[k]), 1 / (alpha + rows.TValues[k]));
        var lnTx = new double[rows.TxValues.Length];
        var invTx = new double[lnTx.Length];
        for (int k = 0; k < lnTx.Length; k++) (lnTx[k], invTx[k]) = (Math.Log(alpha + rows.TxValues[k]), 1 / (alpha + rows.TxValues[k]));

        bool wantGradient = !gradient.IsEmpty;
        var sums = ChunkedSum.Run(rows.Count, 5, (start, end, acc) =>
        {
            double ll = 0, gr = 0, ga = 0, gA = 0, gB = 0;
            for (int i = start; i < end; i++)
            {
                int x = rows.X[i];
                double w = rows.Weight[i];
                int ti = rows.TIndex[i];
                double rx = r + x;
                double la = cA[x] - rx * lnT[ti];
                if (x == 0)
                {
                    ll += w * (c0[x] + la);
                    if (!wantGradient) continue;
                    gr += w * (dc0[x] - lnT[ti]);
                    ga -= w * rx * invT[ti];
                    gA += w * dA[0];
                    gB += w * dA[1];
                    continue;
                }
                int txi = rows.TxIndex[i];
                double lb = cB[x] - rx * lnTx[txi];
                double hi = Math.Max(la, lb), e = Math.Exp(Math.Min(la, lb) - hi);
                ll += w * (c0[x] + hi + Math.Log(1 + e));
                if (!wantGradient) continue;
                double wa = la >= lb ? 1 / (1 + e) : e / (1 + e), wb = 1 - wa;
                gr += w * (dc0[x] - wa * lnT[ti] - wb * lnTx[txi]);
                ga -= w * rx * (wa * invT[ti] + wb * invTx[txi]);
                gA += w * (wa * dA[2 * x] + wb * dB[2 * x]);
                gB += w * (wa * dA[2 * x + 1] + wb * dB[2 * x + 1]);
            }
            acc[0] += ll;
            acc[1] += gr;
            acc[2] += ga;
            acc[3] += gA;
            acc[4] += gB;
        });
        double n = rows.TotalWeight;
        double logLik = sums[0] + n * r * Math.Log(alpha);
        if (wantGradient)
        {
            // Chain rule to log-parameters: ∂/∂ln p = p ∂/∂p; the r ln α term added here.
            gradient[0] = -r * (sums[1] + n * Math.Log(alpha)) / n;
            gradient[1] = -alpha * (sums[2] + n * r / alpha) / n;
            gradient[2] = -a * sums[3] / n;
            gradient[3] = -b * sums[4] / n;
        }
        return -logLik / n;
    }

    // G = Σ_{n≥1} (p)ₙ (a)ₙ₋₁ / ((c)ₙ n!) zⁿ.
    private static double SeriesG(double p, double a, double c, double z)
    {
        if (z == 0 || p == 0) return 0;
        double term = p * z / c, sum = term;
        for (int n = 1; n < 5_000_000; n++)
        {
            term *= (p + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum) || term == 0) return sum;
        }
        return double.NaN;
    }
}
