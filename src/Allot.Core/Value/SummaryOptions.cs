namespace Allot.Core.Value;

/// <summary>How orders become customer histories.</summary>
public sealed record SummaryOptions
{
    /// <summary>The time unit of tₓ and T (default weeks).</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Week;

    /// <summary>Last day of the calibration period, inclusive (default: the latest order date, i.e. no holdout).</summary>
    public DateOnly? CalibrationEnd { get; init; }

    /// <summary>Last day of the holdout period, inclusive (default: the latest order date). Ignored when it is not
    /// after the calibration end.</summary>
    public DateOnly? HoldoutEnd { get; init; }
}
