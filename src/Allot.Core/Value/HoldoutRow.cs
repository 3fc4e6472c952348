namespace Allot.Core.Value;

/// <summary>One bar pair of the conditional-expectations chart: customers with the same number of calibration
/// repeat purchases, their mean holdout purchases, actual and predicted.</summary>
/// <param name="Label">x as text; the last group is "7+" (or the chosen cap).</param>
/// <param name="Customers">Customers in the group.</param>
/// <param name="Actual">Mean actual purchase days in the holdout period.</param>
/// <param name="Expected">Mean E[Y(holdout length) | x, tₓ, T].</param>
public sealed record HoldoutRow(string Label, int Customers, double Actual, double Expected);
