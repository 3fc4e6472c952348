using static Allot.Core.Value.SpecialFunctions;

namespace Allot.Core.Value;

/// <summary>The Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using
/// Iso-Value Curves", JMR 42(4); Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a customer's
/// transaction amounts are Gamma(p, ν), and ν ~ Gamma(q, γ) across customers.</summary>
/// <remarks>Fitted on repeat buyers only (x ≥ 1) with their mean repeat spend zbar, as the papers do. The model
/// assumes spend per transaction is independent of purchase frequency: check it with
/// <see cref="CheckIndependence"/>.</remarks>
/// <param name="P">Shape of the transaction amounts.</param>
/// <param name="Q">Shape of ν across customers.</param>
/// <param name="Gamma">Scale (rate) of ν across customers.</param>
public sealed record GammaGammaModel(double P, double Q, double Gamma)
{
    /// <summary>The parameters' names in the paper's order.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["p", "q", "gamma"];

    /// <summary>ln of the density of a mean spend <paramref name="meanSpend"/> over <paramref name="x"/> transactions
    /// (Fader &amp; Hardie 2013, eq. 5).</summary>
    public double LogLikelihood(int x, double meanSpend) =>
        LogGamma(P * x + Q) - LogGamma(P * x) - LogGamma(Q) + Q * Math.Log(Gamma) + (P * x - 1) * Math.Log(meanSpend)
        + P * x * Math.Log(x) - (P * x + Q) * Math.Log(x * meanSpend + Gamma);

    /// <summary>E[spend per transaction | x, zbar] = (γ + x·zbar)·p / (p·x + q − 1): a weighted mean of the
    /// population mean and the customer's own mean. For x = 0 it is the population mean.</summary>
    /// <returns>NaN when p·x + q ≤ 1 (the mean does not exist).</returns>
    public double ConditionalMeanSpend(int x, double meanSpend)
    {
        double denominator = P * x + Q - 1;
        return denominator > 0 ? (Gamma + x * (x > 0 ? meanSpend : 0)) * P / denominator : double.NaN;
    }

    /// <summary>The population mean spend per transaction, γp / (q − 1) (NaN when q ≤ 1).</summary>
    public double PopulationMeanSpend => ConditionalMeanSpend(0, 0);

    /// <summary>Fits by maximum likelihood on the customers with x ≥ 1 and a positive mean spend; others are
    /// skipped (x = 0 carries no spend information).</summary>
    /// <exception cref="ArgumentException">Lengths differ or no customer qualifies.</exception>
    public static ModelFit<GammaGammaModel> Fit(IReadOnlyList<int> x, IReadOnlyList<double> meanSpend, IReadOnlyList<double>? weights = null)
    {
        if (x.Count != meanSpend.Count || (weights is not null && weights.Count != x.Count))
            throw new ArgumentException("x and mean spend (and weights) must have one value per customer");
        var groups = new Dictionary<(int, double), double>();
        var orderOfGroups = new List<(int, double)>();
        for (int i = 0; i < x.Count; i++)
        {
            double w = weights?[i] ?? 1;
            if (x[i] < 1 || !(meanSpend[i] > 0) || !double.IsFinite(meanSpend[i]) || !(w > 0)) continue;
            var key = (x[i], meanSpend[i]);
            if (groups.TryGetValue(key, out double have)) groups[key] = have + w;
            else
            {
                groups.Add(key, w);
                orderOfGroups.Add(key);
            }
        }
        if (orderOfGroups.Count == 0) throw new ArgumentException("gamma-gamma: no repeat buyers with a positive mean spend to fit");
        var rows = new SpendRows(orderOfGroups, groups);
        double meanM = 0;
        for (int i = 0; i < rows.Count; i++) meanM += rows.W[i] * rows.M[i];
        meanM /= rows.Total;
        // Generic starts, each with the population mean spend γp/(q−1) equal to the observed mean.
        double[][] starts = [[1, 2, meanM], [2, 3, meanM], [5, 5, 0.8 * meanM]];
        var (p, report) = MaximumLikelihood.Fit("gamma-gamma", [.. ParameterNames], rows.Total,
            (theta, g) => NegativeMeanLogLikelihood(rows, theta, g), starts, analyticGradient: true);
        return new ModelFit<GammaGammaModel>(new GammaGammaModel(p[0], p[1], p[2]), report);
    }

    /// <summary>Fits on the repeat buyers of a summary.</summary>
    public static ModelFit<GammaGammaModel> Fit(CustomerSummaries summaries) => Fit(summaries.X, summaries.MeanRepeatSpend);

    /// <summary>The check the model assumes: the Pearson correlation between frequency x and mean spend zbar over
    /// the repeat buyers (FHL 2005 report 0.11 for CDNOW and treat it as negligible).</summary>
    public static SpendIndependence CheckIndependence(IReadOnlyList<int> x, IReadOnlyList<double> meanSpend)
    {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i] < 1 || !double.IsFinite(meanSpend[i])) continue;
            double a = x[i], b = meanSpend[i];
            n++;
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
        }
        double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        double r = n > 1 && vx > 0 && vy > 0 ? cov / Math.Sqrt(vx * vy) : double.NaN;
        return new SpendIndependence(r, (long)n);
    }

    private static double NegativeMeanLogLikelihood(SpendRows rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double p = Math.Exp(theta[0]), q = Math.Exp(theta[1]), gamma = Math.Exp(theta[2]);
        if (!double.IsFinite(p + q + gamma) || p <= 0 || q <= 0 || gamma <= 0) return double.NaN;
        int m = rows.MaxX + 1;
        var lg = new double[m];
        var dpsi = new double[m * 2];
        for (int x = 1; x < m; x++)
        {
            lg[x] = LogGamma(p * x + q) - LogGamma(p * x);
            double psiPxq = Digamma(p * x + q);
            dpsi[2 * x] = psiPxq - Digamma(p * x);
            dpsi[2 * x + 1] = psiPxq;
        }
        double lgQ = LogGamma(q), psiQ = Digamma(q), lnGamma = Math.Log(gamma);
        bool wantGradient = !gradient.IsEmpty;
        var sums = ChunkedSum.Run(rows.Count, 4, (start, end, acc) =>
        {
            double ll = 0, gp = 0, gq = 0, gg = 0;
            for (int i = start; i < end; i++)
            {
                int x = rows.X[i];
                double w = rows.W[i], px = p * x, lnDen = Math.Log(rows.XM[i] + gamma);
                ll += w * (lg[x] + (px - 1) * rows.LnM[i] + px * rows.LnX[i] - (px + q) * lnDen);
                if (!wantGradient) continue;
                gp += w * x * (dpsi[2 * x] + rows.LnM[i] + rows.LnX[i] - lnDen);
                gq += w * (dpsi[2 * x + 1] - lnDen);
                gg -= w * (px + q) / (rows.XM[i] + gamma);
            }
            acc[0] += ll;
            acc[1] += gp;
            acc[2] += gq;
            acc[3] += gg;
        });
        double n = rows.Total;
        double logLik = sums[0] + n * (q * lnGamma - lgQ);
        if (wantGradient)
        {
            gradient[0] = -p * sums[1] / n;
            gradient[1] = -q * (sums[2] + n * (lnGamma - psiQ)) / n;
            gradient[2] = -gamma * (sums[3] + n * q / gamma) / n;
        }
        return -logLik / n;
    }

    private sealed class SpendRows
    {
        public SpendRows(List<(int X, double M)> keys, Dictionary<(int, double), double> weights)
        {
            int n = keys.Count;
            X = new int[n];
            M = new double[n];
            W = new double[n];
            LnM = new double[n];
            LnX = new double[n];
            XM = new double[n];
            for (int i = 0; i < n; i++)
            {
                (X[i], M[i]) = keys[i];
                W[i] = weights[keys[i]];
                LnM[i] = Math.Log(M[i]);
                LnX[i] = Math.Log(X[i]);
                XM[i] = X[i] * M[i];
                Total += W[i];
                MaxX = Math.Max(MaxX, X[i]);
            }
        }

        public int[] X { get; }
        public double[] M { get; }
        public double[] W { get; }
        public double[] LnM { get; }
        public double[] LnX { get; }
        public double[] XM { get; }
        public double Total { get; }
        public int MaxX { get; }
        public int Count => X.Length;
    }
}
