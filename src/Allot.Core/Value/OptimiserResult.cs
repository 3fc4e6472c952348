namespace Allot.Core.Value;

/// <summary>Where a minimisation ended.</summary>
/// <param name="Theta">The best point found.</param>
/// <param name="Value">f at that point.</param>
/// <param name="GradientNorm">Largest |∂f/∂θᵢ| there.</param>
/// <param name="Converged">True when the gradient test passed (not merely the iteration limit).</param>
/// <param name="Evaluations">Function evaluations used, over every start.</param>
internal sealed record OptimiserResult(double[] Theta, double Value, double GradientNorm, bool Converged, int Evaluations);
