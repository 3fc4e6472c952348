namespace Allot.Core.Value;

/// <summary>One fitted parameter.</summary>
/// <param name="Name">The papers' name: r, alpha, a, b, s, beta, p, q, gamma, delta.</param>
/// <param name="Value">The maximum-likelihood estimate.</param>
/// <param name="StandardError">Asymptotic standard error from the inverse of the observed information (the
/// numerical Hessian of −LL), by the delta method from the log-parameters; NaN when the Hessian is not positive
/// definite.</param>
public sealed record FittedParameter(string Name, double Value, double StandardError);
