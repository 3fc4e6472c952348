namespace Allot.Core.Value;

/// <summary>A fitted model together with the report of its fit.</summary>
/// <typeparam name="TModel">The model type.</typeparam>
/// <param name="Model">The model at the estimates, ready to score customers.</param>
/// <param name="Report">Estimates, standard errors, log-likelihood and convergence.</param>
public sealed record ModelFit<TModel>(TModel Model, FitReport Report);
