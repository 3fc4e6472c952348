namespace Allot.Core.Value;

/// <summary>How a maximum-likelihood fit went.</summary>
/// <param name="Model">bgnbd, pareto-nbd, gamma-gamma or bgbb.</param>
/// <param name="Parameters">The estimates, in the papers' order.</param>
/// <param name="LogLikelihood">The log-likelihood summed over customers at the estimates.</param>
/// <param name="Customers">Customers the fit used (weights summed).</param>
/// <param name="Converged">True when the optimiser's gradient test passed and the Hessian is positive definite
/// (a proper interior maximum). False means: look at the estimates with suspicion (a parameter may be running to
/// a boundary, e.g. no dropout in the data).</param>
/// <param name="Evaluations">Likelihood evaluations used, over all starts.</param>
public sealed record FitReport(string Model, IReadOnlyList<FittedParameter> Parameters, double LogLikelihood, long Customers,
    bool Converged, int Evaluations)
{
    /// <summary>A parameter's estimate by name.</summary>
    /// <exception cref="KeyNotFoundException">The model has no such parameter.</exception>
    public double this[string name] =>
        Parameters.FirstOrDefault(p => p.Name == name)?.Value ?? throw new KeyNotFoundException($"{Model} has no parameter '{name}'");
}
