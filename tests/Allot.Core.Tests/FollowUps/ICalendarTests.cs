using System.Text;
using Allot.Core.FollowUps;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.FollowUps;

public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Write_Rfc5545_CrlfUidStampAllDayEvent()
    {
        var task = new FollowUpTask("C1", "上海华力贸易有限公司", "R1", FollowUpKind.Cadence, D("2026-03-05"), "every 30 days (defaults, tier A); last follow-up 2026-02-03");
        string ics = ICalendar.Write([task], "Allot R1", Stamp);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
        string unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nUID:cadence-C1-20260305@allot\r\n", unfolded);
        Assert.Contains("\r\nDTSTAMP:20260301T013000Z\r\n", unfolded);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20260305\r\nDTEND;VALUE=DATE:20260306\r\n", unfolded);
        Assert.Contains("\r\nDESCRIPTION:every 30 days (defaults\\, tier A)\\; last follow-up 2026-02-03\r\n", unfolded);
        Assert.Equal(1, CountOf(unfolded, "BEGIN:VEVENT"));
    }

    [Fact]
    public void Write_LongUtf8Lines_FoldedAt75OctetsWithoutSplittingCharacters()
    {
        string message = string.Concat(Enumerable.Repeat("生日快乐，祝您万事如意！", 10));
        var task = new FollowUpTask("C1", "张", "R1", FollowUpKind.Birthday, D("2026-03-05"), "birthday", D("2026-03-08"), message, "Happy birthday; all the best, 张!");
        string ics = ICalendar.Write([task], "R1", Stamp);
        foreach (string line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}");
            Assert.DoesNotContain('\uFFFD', line);
        }
        string unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:birthday\\n" + message + "\\nHappy birthday\\; all the best\\, 张!\r\n", unfolded);
    }

    [Theory]
    [InlineData("a\\b;c,d\ne\r\nf", "a\\\\b\\;c\\,d\\ne\\nf")]
    [InlineData("plain", "plain")]
    public void Escape_TextValues(string text, string escaped) => Assert.Equal(escaped, ICalendar.Escape(text));

    [Fact]
    public void Uid_SameTaskSameId_OtherDueOtherId()
    {
        var a = new FollowUpTask("C1", "n", "R1", FollowUpKind.Cadence, D("2026-03-05"), "x");
        Assert.Equal(a.Uid, (a with { Reason = "y" }).Uid);
        Assert.NotEqual(a.Uid, (a with { Due = D("2026-03-06") }).Uid);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
