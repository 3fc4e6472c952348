namespace Allot.Core.Value;

/// <summary>Inverse of a small symmetric positive-definite matrix (the negative log-likelihood's Hessian) by Cholesky.</summary>
internal static class SymmetricMatrix
{
    /// <summary>The inverse, or null when the matrix is not positive definite (not a proper maximum).</summary>
    public static double[,]? InvertPositiveDefinite(double[,] a)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 0) || !double.IsFinite(d)) return null;
            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        // Solve L Lᵀ X = I column by column.
        var inv = new double[n, n];
        var y = new double[n];
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = i == c ? 1 : 0;
                for (int k = 0; k < i; k++) s -= l[i, k] * y[k];
                y[i] = s / l[i, i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int k = i + 1; k < n; k++) s -= l[k, i] * inv[k, c];
                inv[i, c] = s / l[i, i];
            }
        }
        return inv;
    }
}
