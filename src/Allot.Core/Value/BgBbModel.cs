using static Allot.Core.Value.SpecialFunctions;

namespace Allot.Core.Value;

/// <summary>The BG/BB model (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
/// Setting", Marketing Science 29(6)) for discrete transaction opportunities: while alive a customer transacts at
/// each opportunity with probability p ~ Beta(α, β), and dies before each opportunity with probability
/// θ ~ Beta(γ, δ).</summary>
/// <remarks>A history is (x, tₓ, n): x transactions in n opportunities after the first, the last at opportunity tₓ.
/// The likelihood is their eq. 5; sums over opportunities are formed from one log term and ratios of successive
/// terms (each ratio below 1), so long histories stay cheap and finite.</remarks>
/// <param name="Alpha">First shape of the transaction-probability beta.</param>
/// <param name="Beta">Second shape of the transaction-probability beta.</param>
/// <param name="Gamma">First shape of the dropout-probability beta.</param>
/// <param name="Delta">Second shape of the dropout-probability beta.</param>
public sealed record BgBbModel(double Alpha, double Beta, double Gamma, double Delta)
{
    /// <summary>The parameters' names in the paper's order.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["alpha", "beta", "gamma", "delta"];

    /// <summary>ln L(α, β, γ, δ | x, tₓ, n) = ln[B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ)
    /// + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β)·B(γ+1, δ+tₓ+i)/B(γ,δ)].</summary>
    public double LogLikelihood(int x, int tx, int n) => LogLikelihood(Alpha, Beta, Gamma, Delta, x, tx, n);

    /// <summary>P(alive at opportunity n + 1 | x, tₓ, n) (their eq. 11).</summary>
    public double ProbabilityAlive(int x, int tx, int n)
    {
        Check(x, tx, n);
        double alive = LogBeta(Alpha + x, Beta + n - x) - LogBeta(Alpha, Beta) + LogBeta(Gamma, Delta + n + 1) - LogBeta(Gamma, Delta);
        return Math.Exp(alive - LogLikelihood(x, tx, n));
    }

    /// <summary>E[transactions in opportunities n+1 … n+<paramref name="future"/> | x, tₓ, n] (their eq. 13, summed
    /// opportunity by opportunity: Σₖ B(α+x+1, β+n−x)/B(α,β)·B(γ, δ+n+k)/B(γ,δ) / L, which has no 1/(γ − 1)).</summary>
    public double ExpectedTransactions(int future, int x, int tx, int n)
    {
        Check(x, tx, n);
        ArgumentOutOfRangeException.ThrowIfNegative(future);
        double logL = LogLikelihood(x, tx, n);
        double purchase = LogBeta(Alpha + x + 1, Beta + n - x) - LogBeta(Alpha, Beta) - LogBeta(Gamma, Delta);
        double sum = 0, logSurvive = LogBeta(Gamma, Delta + n);
        for (int k = 1; k <= future; k++)
        {
            logSurvive += Math.Log((Delta + n + k - 1) / (Gamma + Delta + n + k - 1)); // B(γ, δ+m+1) = B(γ, δ+m)·(δ+m)/(γ+δ+m)
            sum += Math.Exp(purchase + logSurvive - logL);
        }
        return sum;
    }

    /// <summary>P(X(n) = x): the probability that a new customer makes exactly x transactions in the first n
    /// opportunities (their eq. 8); times the cohort size it is the in-sample fit by frequency.</summary>
    public double ProbabilityOfTransactions(int x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        if (x > n) return 0;
        double baseAB = LogBeta(Alpha, Beta), baseGD = LogBeta(Gamma, Delta);
        double p = Math.Exp(LogChoose(n, x) + LogBeta(Alpha + x, Beta + n - x) - baseAB + LogBeta(Gamma, Delta + n) - baseGD);
        for (int i = x; i < n; i++)
            p += Math.Exp(LogChoose(i, x) + LogBeta(Alpha + x, Beta + i - x) - baseAB + LogBeta(Gamma + 1, Delta + i) - baseGD);
        return p;
    }

    /// <summary>Fits by maximum likelihood (numerical gradients).</summary>
    /// <param name="x">Transactions per history.</param>
    /// <param name="tx">Opportunity of the last transaction (0 when none).</param>
    /// <param name="n">Opportunities.</param>
    /// <param name="weights">Customers per history (null: one each).</param>
    /// <exception cref="ArgumentException">Lengths differ, an impossible history, or nothing to fit.</exception>
    public static ModelFit<BgBbModel> Fit(IReadOnlyList<int> x, IReadOnlyList<int> tx, IReadOnlyList<int> n, IReadOnlyList<double>? weights = null)
    {
        if (tx.Count != x.Count || n.Count != x.Count || (weights is not null && weights.Count != x.Count))
            throw new ArgumentException("x, tx, n (and weights) must have one value per customer");
        var groups = new Dictionary<(int, int, int), double>();
        var keys = new List<(int X, int Tx, int N)>();
        for (int i = 0; i < x.Count; i++)
        {
            Check(x[i], tx[i], n[i]);
            double w = weights?[i] ?? 1;
            if (!(w > 0) || n[i] == 0) continue; // no opportunity yet: no information
            var key = (x[i], tx[i], n[i]);
            if (groups.TryGetValue(key, out double have)) groups[key] = have + w;
            else
            {
                groups.Add(key, w);
                keys.Add(key);
            }
        }
        if (keys.Count == 0) throw new ArgumentException("bgbb: no customer has a transaction opportunity to fit on");
        var ws = keys.Select(k => groups[k]).ToArray();
        double total = ws.Sum();
        double[][] starts = [[1, 1, 1, 1], [0.5, 0.5, 0.5, 2], [2, 1, 1, 3]];
        var (p, report) = MaximumLikelihood.Fit("bgbb", [.. ParameterNames], total, (theta, _) =>
        {
            double a = Math.Exp(theta[0]), b = Math.Exp(theta[1]), g = Math.Exp(theta[2]), d = Math.Exp(theta[3]);
            if (!double.IsFinite(a + b + g + d)) return double.NaN;
            double ll = 0;
            for (int i = 0; i < keys.Count; i++) ll += ws[i] * LogLikelihood(a, b, g, d, keys[i].X, keys[i].Tx, keys[i].N);
            return double.IsFinite(ll) ? -ll / total : double.NaN;
        }, starts, analyticGradient: false);
        return new ModelFit<BgBbModel>(new BgBbModel(p[0], p[1], p[2], p[3]), report);
    }

    /// <summary>Fits on the discrete histories of a summary (one period = one time unit).</summary>
    public static ModelFit<BgBbModel> Fit(CustomerSummaries summaries) =>
        Fit(summaries.ActivePeriods, summaries.LastActivePeriod, summaries.Periods);

    private static double LogLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n)
    {
        double baseAB = LogBeta(alpha, beta), baseGD = LogBeta(gamma, delta);
        double alive = LogBeta(alpha + x, beta + n - x) - baseAB + LogBeta(gamma, delta + n) - baseGD;
        int terms = n - tx;
        if (terms <= 0) return alive;
        // Term i: B(α+x, β+tₓ−x+i)·B(γ+1, δ+tₓ+i); the ratio of term i+1 to term i is
        // (β+tₓ−x+i)/(α+β+tₓ+i) · (δ+tₓ+i)/(γ+1+δ+tₓ+i) < 1.
        double first = LogBeta(alpha + x, beta + tx - x) - baseAB + LogBeta(gamma + 1, delta + tx) - baseGD;
        double sum = 1, term = 1;
        for (int i = 0; i < terms - 1; i++)
        {
            term *= (beta + tx - x + i) / (alpha + beta + tx + i) * (delta + tx + i) / (gamma + 1 + delta + tx + i);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return LogSumExp(alive, first + Math.Log(sum));
    }

    private static double LogChoose(int n, int k) => LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1);

    private static void Check(int x, int tx, int n)
    {
        if (x < 0 || tx < 0 || tx > n || x > tx || (x > 0 && tx == 0) || (x == 0 && tx != 0))
            throw new ArgumentException($"impossible discrete history x={x}, t_x={tx}, n={n}");
    }
}
