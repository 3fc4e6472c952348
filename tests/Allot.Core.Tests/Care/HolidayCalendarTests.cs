using System.Globalization;
using Allot.Core.Care;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Care;

public sealed class HolidayCalendarTests
{
    /// <summary>Every table entry against .NET's Chinese lunisolar calendar (month numbers past a leap month shift by one).</summary>
    [Theory]
    [InlineData("spring_festival", 1, 1)]
    [InlineData("lantern", 1, 15)]
    [InlineData("dragon_boat", 5, 5)]
    [InlineData("qixi", 7, 7)]
    [InlineData("mid_autumn", 8, 15)]
    [InlineData("double_ninth", 9, 9)]
    public void Table_AgreesWithTheLunisolarCalendar(string key, int month, int day)
    {
        var calendar = new ChineseLunisolarCalendar();
        var holiday = HolidayCalendar.Find(key)!;
        for (int year = HolidayCalendar.FirstYear; year <= HolidayCalendar.LastYear; year++)
        {
            int leap = calendar.GetLeapMonth(year);
            int m = leap > 0 && month >= leap ? month + 1 : month;
            Assert.Equal(DateOnly.FromDateTime(calendar.ToDateTime(year, m, day, 0, 0, 0, 0)), holiday.On(year));
        }
        Assert.Null(holiday.On(HolidayCalendar.LastYear + 1));
    }

    /// <summary>Dates from the State Council's published holiday arrangements.</summary>
    [Theory]
    [InlineData("春节", "2024-02-10")]
    [InlineData("春节", "2025-01-29")]
    [InlineData("春节", "2026-02-17")]
    [InlineData("端午", "2025-05-31")]
    [InlineData("端午", "2026-06-19")]
    [InlineData("中秋", "2024-09-17")]
    [InlineData("中秋", "2025-10-06")]
    [InlineData("中秋", "2026-09-25")]
    public void Table_PublishedDates(string name, string date) => Assert.Equal(D(date), HolidayCalendar.Find(name)!.On(D(date).Year));

    [Fact]
    public void Fixed_EveryYear_Feb29FallsOn28()
    {
        Assert.Equal(D("2031-10-01"), HolidayCalendar.Find("national_day")!.On(2031));
        Assert.Equal(D("2027-02-28"), Holiday.Fixed("x", "x", "x", 2, 29).On(2027));
        Assert.Equal(D("2028-02-29"), Holiday.Fixed("x", "x", "x", 2, 29).On(2028));
    }

    [Fact]
    public void Default_TheFiveNamedInTheRulesFile()
    {
        Assert.Equal(["new_year", "spring_festival", "dragon_boat", "mid_autumn", "national_day"], HolidayCalendar.Default.Select(h => h.Key));
        Assert.Equal("Mid-Autumn Festival", HolidayCalendar.Find("中秋节")!.EnglishName);
    }
}
