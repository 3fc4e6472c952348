namespace Allot.Core.Maintenance;

/// <summary>yyyy-MM-dd without the general formatter: the planners write a date into a reason for most of a
/// million customers a day, and format-string parsing was a measurable part of that.</summary>
internal static class IsoDate
{
    public static string Format(DateOnly date) => string.Create(10, date, static (span, d) =>
    {
        int y = d.Year, m = d.Month, day = d.Day;
        span[0] = (char)('0' + y / 1000 % 10);
        span[1] = (char)('0' + y / 100 % 10);
        span[2] = (char)('0' + y / 10 % 10);
        span[3] = (char)('0' + y % 10);
        span[4] = '-';
        span[5] = (char)('0' + m / 10);
        span[6] = (char)('0' + m % 10);
        span[7] = '-';
        span[8] = (char)('0' + day / 10);
        span[9] = (char)('0' + day % 10);
    });
}
