namespace Allot.Core.Care;

/// <summary>A holiday of the care calendar: on a fixed month and day every year, or on the Gregorian dates a table
/// gives per year (the lunar festivals).</summary>
/// <param name="Key">Identifier used in the rules file, e.g. "spring_festival".</param>
/// <param name="Name">Chinese name, e.g. 春节.</param>
/// <param name="EnglishName">English name, e.g. Spring Festival.</param>
/// <param name="Month">Month of a fixed-date holiday; null for a table.</param>
/// <param name="Day">Day of a fixed-date holiday; null for a table.</param>
/// <param name="Dates">Gregorian date per year for a table holiday; years not listed have no date.</param>
public sealed record Holiday(string Key, string Name, string EnglishName, int? Month, int? Day, IReadOnlyDictionary<int, DateOnly> Dates)
{
    /// <summary>The holiday's date in <paramref name="year"/>, or null when the table does not cover that year.</summary>
    /// <remarks>A fixed 29 February falls on 28 February in other years.</remarks>
    public DateOnly? On(int year)
    {
        if (Month is int m && Day is int d) return new DateOnly(year, m, Math.Min(d, DateTime.DaysInMonth(year, m)));
        return Dates.TryGetValue(year, out var date) ? date : null;
    }

    /// <summary>A holiday on the same month and day every year.</summary>
    public static Holiday Fixed(string key, string name, string englishName, int month, int day) =>
        new(key, name, englishName, month, day, new Dictionary<int, DateOnly>());
}
