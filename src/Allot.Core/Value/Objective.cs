namespace Allot.Core.Value;

/// <summary>A function to minimise over unconstrained parameters θ (the models' log-parameters).</summary>
/// <param name="theta">The point.</param>
/// <param name="gradient">Empty when only the value is wanted; otherwise as long as θ and to be filled with ∂f/∂θ.</param>
/// <returns>f(θ); +∞ or NaN where the function is undefined (the optimiser steps back).</returns>
internal delegate double Objective(ReadOnlySpan<double> theta, Span<double> gradient);
