namespace Allot.Core.Value;

/// <summary>Conversions between days and <see cref="TimeUnit"/>s.</summary>
public static class TimeUnits
{
    /// <summary>Days in one unit: 1, 7 or 30.4375.</summary>
    public static double Days(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => 1,
        TimeUnit.Week => 7,
        TimeUnit.Month => 365.25 / 12,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary>A number of days in the unit.</summary>
    public static double FromDays(double days, TimeUnit unit) => days / Days(unit);

    /// <summary>The unit's name as the CLI spells it: day, week, month.</summary>
    public static string Name(TimeUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>Parses day, week or month (case-insensitive; plural accepted), or returns null.</summary>
    public static TimeUnit? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "day" or "days" or "d" => TimeUnit.Day,
        "week" or "weeks" or "w" => TimeUnit.Week,
        "month" or "months" or "m" => TimeUnit.Month,
        _ => null,
    };
}
