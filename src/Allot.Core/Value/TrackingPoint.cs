namespace Allot.Core.Value;

/// <summary>One period of the tracking chart: repeat purchases of the whole cohort, actual and expected.</summary>
/// <param name="Period">1 for the first period after the earliest first purchase.</param>
/// <param name="End">The period's last day.</param>
/// <param name="Actual">Repeat purchases in the period.</param>
/// <param name="Expected">Expected repeat purchases in the period (unconditional model mean over each customer's
/// time since its first purchase).</param>
/// <param name="ActualCumulative">Repeat purchases up to the period's end.</param>
/// <param name="ExpectedCumulative">Expected repeat purchases up to the period's end.</param>
/// <param name="InCalibration">True while the period ends on or before the calibration end.</param>
public sealed record TrackingPoint(int Period, DateOnly End, double Actual, double Expected, double ActualCumulative, double ExpectedCumulative, bool InCalibration);
