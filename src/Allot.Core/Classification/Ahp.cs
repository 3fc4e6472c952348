using System.Globalization;

namespace Allot.Core.Classification;

/// <summary>Analytic Hierarchy Process: criterion weights from a pairwise comparison matrix.</summary>
/// <remarks>
/// a_ij says how much more important criterion i is than j on Saaty's 1–9 scale, a_ji = 1 / a_ij, a_ii = 1.
/// The weights are the principal (Perron) eigenvector, found by power iteration from equal weights,
/// normalised to sum 1 each step, until no weight moves by 1e-12 or more. Saaty's random index by n = 1…15:
/// 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
/// </remarks>
public static class Ahp
{
    private static readonly double[] RandomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    private const int MaxIterations = 1_000_000;

    /// <summary>The weights and consistency of a pairwise comparison matrix.</summary>
    /// <param name="pairwise">Square, 1–15 criteria, entries positive and finite, diagonal 1, reciprocal.</param>
    /// <param name="tolerance">Allowed relative error of a_ij · a_ji = 1 (and of a_ii = 1); the default 0.02 accepts
    /// judgements typed with two decimals, such as 0.33 for 1/3 or 0.14 for 1/7.</param>
    /// <exception cref="ArgumentException">Not square, too large, an entry ≤ 0 or not finite, or not reciprocal
    /// (the message names the cell).</exception>
    public static AhpResult Weights(double[,] pairwise, double tolerance = 0.02)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        int n = pairwise.GetLength(0);
        if (n != pairwise.GetLength(1))
            throw new ArgumentException($"the comparison matrix must be square; it is {n}×{pairwise.GetLength(1)}", nameof(pairwise));
        if (n < 1 || n > RandomIndex.Length)
            throw new ArgumentException($"AHP needs 1 to {RandomIndex.Length} criteria; got {n}", nameof(pairwise));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double a = pairwise[i, j];
                if (!(double.IsFinite(a) && a > 0))
                    throw new ArgumentException(Inv($"comparison a[{i + 1},{j + 1}] = {a}; every entry must be positive and finite"), nameof(pairwise));
                if (Math.Abs(a * pairwise[j, i] - 1) > tolerance)
                    throw new ArgumentException(i == j
                        ? Inv($"diagonal a[{i + 1},{i + 1}] = {a}; it must be 1")
                        : Inv($"the matrix is not reciprocal: a[{i + 1},{j + 1}] = {a} but a[{j + 1},{i + 1}] = {pairwise[j, i]}, expected {1 / a:0.####}"), nameof(pairwise));
            }

        var w = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (int iteration = 0; ; iteration++)
        {
            if (iteration == MaxIterations)
                throw new InvalidOperationException("AHP power iteration did not converge");
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += pairwise[i, j] * w[j];
                next[i] = s;
                sum += s;
            }
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }
            (w, next) = (next, w);
            if (change < 1e-12) break;
        }

        // With Σw = 1 and A·w = λ·w, λ is the sum of A·w.
        double lambda = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) lambda += pairwise[i, j] * w[j];
        double ri = RandomIndex[n - 1];
        double ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
        double cr = n <= 2 ? 0 : ci / ri;

        (int, int) worst = (0, Math.Min(1, n - 1));
        double worstDeviation = -1;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double deviation = Math.Abs(Math.Log(pairwise[i, j] * w[j] / w[i]));
                if (deviation > worstDeviation) (worstDeviation, worst) = (deviation, (i, j));
            }
        return new AhpResult(w, lambda, ci, ri, cr, worst, pairwise[worst.Item1, worst.Item2]);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
