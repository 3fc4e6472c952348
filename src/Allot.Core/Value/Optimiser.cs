namespace Allot.Core.Value;

/// <summary>Minimises a smooth function of a few unconstrained parameters from several starts: BFGS with a
/// backtracking line search, with Nelder–Mead first when the gradient is numerical (it is robust far from the
/// optimum where finite differences are poor) or when BFGS fails from a start.</summary>
/// <remarks>Deterministic: the starts are given, and nothing is random. The best end point over all starts wins.</remarks>
internal static class Optimiser
{
    /// <summary>Minimises <paramref name="f"/>.</summary>
    /// <param name="f">The function; it fills the gradient when <paramref name="analyticGradient"/>, otherwise central
    /// differences are used.</param>
    /// <param name="starts">Starting points (all the same length).</param>
    /// <param name="analyticGradient">Whether <paramref name="f"/> fills its gradient.</param>
    /// <param name="gradientTolerance">Convergence: the largest gradient component below this.</param>
    public static OptimiserResult Minimise(Objective f, IReadOnlyList<double[]> starts, bool analyticGradient, double gradientTolerance = 1e-7)
    {
        int evaluations = 0;
        Objective counted = (theta, g) =>
        {
            evaluations++;
            return f(theta, g);
        };
        Objective withGradient = analyticGradient ? counted : (theta, g) => NumericalGradient(counted, theta, g);
        OptimiserResult? best = null;
        foreach (var start in starts)
        {
            double[] x = (double[])start.Clone();
            if (!analyticGradient) x = NelderMead(counted, x, 400 * x.Length);
            var result = Bfgs(withGradient, x, gradientTolerance);
            if (!result.Converged)
            {
                // A second chance from the simplex method's end point, then BFGS again.
                var polished = Bfgs(withGradient, NelderMead(counted, result.Theta, 600 * x.Length), gradientTolerance);
                if (polished.Value <= result.Value) result = polished;
            }
            if (best is null || result.Value < best.Value || (!best.Converged && result.Converged && result.Value <= best.Value + 1e-9))
                best = result;
        }
        return best! with { Evaluations = evaluations };
    }

    /// <summary>Central differences, step scaled to the coordinate.</summary>
    public static double NumericalGradient(Objective f, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double value = f(theta, []);
        if (gradient.IsEmpty || !double.IsFinite(value)) return value;
        double[] x = theta.ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(x[i]));
            double keep = x[i];
            x[i] = keep + h;
            double up = f(x, []);
            x[i] = keep - h;
            double down = f(x, []);
            x[i] = keep;
            gradient[i] = (up - down) / (2 * h);
        }
        return value;
    }

    /// <summary>The Hessian of <paramref name="f"/> at θ: central differences of the gradient (analytic or numerical),
    /// symmetrised.</summary>
    public static double[,] Hessian(Objective f, double[] theta, bool analyticGradient)
    {
        int n = theta.Length;
        Objective grad = analyticGradient ? f : (t, g) => NumericalGradient(f, t, g);
        var h = new double[n, n];
        double[] x = (double[])theta.Clone();
        double[] up = new double[n], down = new double[n];
        for (int j = 0; j < n; j++)
        {
            double step = 1e-4 * Math.Max(1, Math.Abs(x[j]));
            double keep = x[j];
            x[j] = keep + step;
            grad(x, up);
            x[j] = keep - step;
            grad(x, down);
            x[j] = keep;
            for (int i = 0; i < n; i++) h[i, j] = (up[i] - down[i]) / (2 * step);
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                h[i, j] = h[j, i] = (h[i, j] + h[j, i]) / 2;
        return h;
    }

    private static OptimiserResult Bfgs(Objective f, double[] start, double tolerance)
    {
        int n = start.Length;
        double[] x = (double[])start.Clone();
        double[] g = new double[n];
        double fx = f(x, g);
        if (!double.IsFinite(fx) || !AllFinite(g)) return new OptimiserResult(x, double.PositiveInfinity, double.PositiveInfinity, false, 0);
        var hInv = Identity(n);
        double[] p = new double[n], xNew = new double[n], gNew = new double[n], s = new double[n], y = new double[n];
        bool scaled = false;
        for (int iteration = 0; iteration < 1000; iteration++)
        {
            if (MaxAbs(g) < tolerance) return new OptimiserResult(x, fx, MaxAbs(g), true, 0);
            for (int i = 0; i < n; i++)
            {
                p[i] = 0;
                for (int j = 0; j < n; j++) p[i] -= hInv[i, j] * g[j];
            }
            double slope = Dot(p, g);
            if (!(slope < 0))
            {
                hInv = Identity(n);
                for (int i = 0; i < n; i++) p[i] = -g[i];
                slope = -Dot(g, g);
            }
            // No step longer than 2 in any log-parameter: a factor e² per iteration at most.
            double longest = MaxAbs(p);
            double step = longest > 2 ? 2 / longest : 1;
            double fNew = double.NaN;
            bool accepted = false;
            for (int trial = 0; trial < 60; trial++)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * p[i];
                fNew = f(xNew, gNew);
                if (double.IsFinite(fNew) && AllFinite(gNew) && fNew <= fx + 1e-4 * step * slope)
                {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted)
            {
                // No descent along p: at the floor of the function's precision, or a poor quasi-Newton direction.
                if (IsIdentity(hInv)) return new OptimiserResult(x, fx, MaxAbs(g), MaxAbs(g) < tolerance * 100, 0);
                hInv = Identity(n);
                continue;
            }
            for (int i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                if (!scaled)
                {
                    // Scale the first inverse-Hessian guess to the observed curvature (Nocedal & Wright 6.20).
                    double scale = sy / Dot(y, y);
                    for (int i = 0; i < n; i++) hInv[i, i] = scale;
                    scaled = true;
                }
                UpdateInverse(hInv, s, y, sy);
            }
            bool tiny = Math.Abs(fx - fNew) <= 1e-15 * Math.Max(1, Math.Abs(fx));
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (tiny && MaxAbs(g) < tolerance * 100) return new OptimiserResult(x, fx, MaxAbs(g), true, 0);
        }
        return new OptimiserResult(x, fx, MaxAbs(g), MaxAbs(g) < tolerance, 0);
    }

    // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀ s).
    private static void UpdateInverse(double[,] h, double[] s, double[] y, double sy)
    {
        int n = s.Length;
        double rho = 1 / sy;
        var hy = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) hy[i] += h[i, j] * y[j];
        double yhy = Dot(y, hy);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                h[i, j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }

    /// <summary>Nelder–Mead with the usual coefficients (reflect 1, expand 2, contract ½, shrink ½); the initial
    /// simplex steps 0.5 along each axis (a factor e^½ in a log-parameter).</summary>
    private static double[] NelderMead(Objective f, double[] start, int maxEvaluations)
    {
        int n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        double Eval(double[] x)
        {
            double v = f(x, []);
            return double.IsFinite(v) ? v : double.PositiveInfinity;
        }
        for (int k = 0; k <= n; k++)
        {
            points[k] = (double[])start.Clone();
            if (k > 0) points[k][k - 1] += 0.5;
            values[k] = Eval(points[k]);
        }
        int used = n + 1;
        var centroid = new double[n];
        while (used < maxEvaluations)
        {
            Array.Sort(values, points);
            double spread = values[n] - values[0];
            if (double.IsFinite(spread) && spread <= 1e-12 * Math.Max(1, Math.Abs(values[0])) && Diameter(points) < 1e-8) break;
            Array.Clear(centroid);
            for (int k = 0; k < n; k++)
                for (int i = 0; i < n; i++) centroid[i] += points[k][i] / n;
            double[] Along(double t)
            {
                var x = new double[n];
                for (int i = 0; i < n; i++) x[i] = centroid[i] + t * (points[n][i] - centroid[i]);
                return x;
            }
            var reflected = Along(-1);
            double fr = Eval(reflected);
            used++;
            if (fr < values[0])
            {
                var expanded = Along(-2);
                double fe = Eval(expanded);
                used++;
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[n] ? Along(-0.5) : Along(0.5);
                double fc = Eval(contracted);
                used++;
                if (fc < Math.Min(fr, values[n]))
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (int k = 1; k <= n; k++)
                    {
                        for (int i = 0; i < n; i++) points[k][i] = points[0][i] + 0.5 * (points[k][i] - points[0][i]);
                        values[k] = Eval(points[k]);
                    }
                    used += n;
                }
            }
        }
        Array.Sort(values, points);
        return points[0];
    }

    private static double Diameter(double[][] points)
    {
        double d = 0;
        for (int k = 1; k < points.Length; k++)
            for (int i = 0; i < points[0].Length; i++) d = Math.Max(d, Math.Abs(points[k][i] - points[0][i]));
        return d;
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    private static bool IsIdentity(double[,] m)
    {
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                if (m[i, j] != (i == j ? 1 : 0)) return false;
        return true;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double MaxAbs(ReadOnlySpan<double> a)
    {
        double m = 0;
        foreach (double v in a) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    private static bool AllFinite(ReadOnlySpan<double> a)
    {
        foreach (double v in a)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
