using System.Globalization;

namespace Allot.Core.Care;

/// <summary>The built-in holidays: fixed-date ones and the Chinese lunar festivals as Gregorian dates per year.</summary>
/// <remarks>
/// The lunar festivals move against the Gregorian calendar, so they are given as a table of Gregorian dates for
/// <see cref="FirstYear"/>–<see cref="LastYear"/> (春节 1/1, 元宵 1/15, 端午 5/5, 七夕 7/7, 中秋 8/15, 重阳 9/9 of the
/// Chinese calendar, China Standard Time). The dates were computed with .NET's
/// <see cref="ChineseLunisolarCalendar"/> and agree with the State Council's holiday notices for the years published;
/// a test checks every entry against that calendar again. A year outside the table has no date (no care task);
/// the rules file can give dates for more years (<c>"dates": {"2036": "2036-01-28"}</c>).
/// </remarks>
public static class HolidayCalendar
{
    /// <summary>First year the lunar table covers.</summary>
    public const int FirstYear = 2020;

    /// <summary>Last year the lunar table covers.</summary>
    public const int LastYear = 2035;

    private static readonly string[] SpringFestivalDates =
    [
        "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
        "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06",
        "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23",
        "2032-02-11", "2033-01-31", "2034-02-19", "2035-02-08",
    ];

    private static readonly string[] LanternDates =
    [
        "2020-02-08", "2021-02-26", "2022-02-15", "2023-02-05",
        "2024-02-24", "2025-02-12", "2026-03-03", "2027-02-20",
        "2028-02-09", "2029-02-27", "2030-02-17", "2031-02-06",
        "2032-02-25", "2033-02-14", "2034-03-05", "2035-02-22",
    ];

    private static readonly string[] DragonBoatDates =
    [
        "2020-06-25", "2021-06-14", "2022-06-03", "2023-06-22",
        "2024-06-10", "2025-05-31", "2026-06-19", "2027-06-09",
        "2028-05-28", "2029-06-16", "2030-06-05", "2031-06-24",
        "2032-06-12", "2033-06-01", "2034-06-20", "2035-06-10",
    ];

    private static readonly string[] QixiDates =
    [
        "2020-08-25", "2021-08-14", "2022-08-04", "2023-08-22",
        "2024-08-10", "2025-08-29", "2026-08-19", "2027-08-08",
        "2028-08-26", "2029-08-16", "2030-08-05", "2031-08-24",
        "2032-08-12", "2033-08-01", "2034-08-20", "2035-08-10",
    ];

    private static readonly string[] MidAutumnDates =
    [
        "2020-10-01", "2021-09-21", "2022-09-10", "2023-09-29",
        "2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15",
        "2028-10-03", "2029-09-22", "2030-09-12", "2031-10-01",
        "2032-09-19", "2033-09-08", "2034-09-27", "2035-09-16",
    ];

    private static readonly string[] DoubleNinthDates =
    [
        "2020-10-25", "2021-10-14", "2022-10-04", "2023-10-23",
        "2024-10-11", "2025-10-29", "2026-10-18", "2027-10-08",
        "2028-10-26", "2029-10-16", "2030-10-05", "2031-10-24",
        "2032-10-12", "2033-10-01", "2034-10-20", "2035-10-09",
    ];

    /// <summary>Every built-in holiday, by key.</summary>
    public static IReadOnlyList<Holiday> BuiltIn { get; } =
    [
        Holiday.Fixed("new_year", "元旦", "New Year's Day", 1, 1),
        Table("spring_festival", "春节", "Spring Festival", SpringFestivalDates),
        Table("lantern", "元宵节", "Lantern Festival", LanternDates),
        Holiday.Fixed("womens_day", "妇女节", "Women's Day", 3, 8),
        Holiday.Fixed("labour_day", "劳动节", "Labour Day", 5, 1),
        Table("dragon_boat", "端午节", "Dragon Boat Festival", DragonBoatDates),
        Table("qixi", "七夕", "Qixi Festival", QixiDates),
        Table("mid_autumn", "中秋节", "Mid-Autumn Festival", MidAutumnDates),
        Holiday.Fixed("national_day", "国庆节", "National Day", 10, 1),
        Table("double_ninth", "重阳节", "Double Ninth Festival", DoubleNinthDates),
        Holiday.Fixed("christmas", "圣诞节", "Christmas", 12, 25),
    ];

    /// <summary>The holidays used when the rules file names none: 元旦, 春节, 端午, 中秋, 国庆.</summary>
    public static IReadOnlyList<Holiday> Default { get; } =
        [.. BuiltIn.Where(h => h.Key is "new_year" or "spring_festival" or "dragon_boat" or "mid_autumn" or "national_day")];

    /// <summary>A built-in holiday by key or by its Chinese or English name, or null.</summary>
    public static Holiday? Find(string name) => BuiltIn.FirstOrDefault(h =>
        string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase) || h.Name == name
        || h.Name.TrimEnd('节') == name || string.Equals(h.EnglishName, name, StringComparison.OrdinalIgnoreCase));

    private static Holiday Table(string key, string name, string english, string[] dates)
    {
        var byYear = new Dictionary<int, DateOnly>();
        foreach (string d in dates)
        {
            var date = DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            byYear.Add(date.Year, date);
        }
        return new Holiday(key, name, english, null, null, byYear);
    }
}
