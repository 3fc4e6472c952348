namespace Allot.Core.Value;

/// <summary>The fitting routine every model shares: minimise the mean negative log-likelihood over the
/// log-parameters (so every parameter stays positive) from several starts, then read standard errors off the
/// Hessian.</summary>
internal static class MaximumLikelihood
{
    /// <summary>Fits and reports.</summary>
    /// <param name="model">Model name for the report.</param>
    /// <param name="names">Parameter names, in θ order.</param>
    /// <param name="totalWeight">Customers (the divisor of the mean).</param>
    /// <param name="meanNegativeLogLikelihood">−LL / customers as a function of θ = ln(parameters).</param>
    /// <param name="starts">Starting parameters (natural scale).</param>
    /// <param name="analyticGradient">Whether the objective fills its gradient.</param>
    /// <returns>The parameters (natural scale) and the report.</returns>
    public static (double[] Parameters, FitReport Report) Fit(string model, string[] names, double totalWeight,
        Objective meanNegativeLogLikelihood, IEnumerable<double[]> starts, bool analyticGradient)
    {
        if (!(totalWeight > 0)) throw new ArgumentException($"{model}: no customers to fit");
        var logStarts = starts.Select(s => s.Select(v => Math.Log(v)).ToArray()).ToList();
        var result = Optimiser.Minimise(meanNegativeLogLikelihood, logStarts, analyticGradient);
        double[] parameters = result.Theta.Select(v => Math.Exp(v)).ToArray();
        var hessian = Optimiser.Hessian(meanNegativeLogLikelihood, result.Theta, analyticGradient);
        int n = names.Length;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) hessian[i, j] *= totalWeight;
        var covariance = SymmetricMatrix.InvertPositiveDefinite(hessian);
        var fitted = new FittedParameter[n];
        for (int i = 0; i < n; i++)
        {
            double se = covariance is null ? double.NaN : parameters[i] * Math.Sqrt(covariance[i, i]);
            fitted[i] = new FittedParameter(names[i], parameters[i], se);
        }
        bool converged = result.Converged && covariance is not null && parameters.All(double.IsFinite);
        return (parameters, new FitReport(model, fitted, -result.Value * totalWeight, (long)Math.Round(totalWeight), converged, result.Evaluations));
    }
}
