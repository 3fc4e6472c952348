using System.Globalization;
using System.Text;

namespace Allot.Core.FollowUps;

/// <summary>Writes tasks as an iCalendar file (RFC 5545) that calendar apps import: one all-day event per task.</summary>
/// <remarks>
/// Lines end in CRLF and are folded at 75 octets (a CRLF and one space, never inside a UTF-8 sequence); TEXT values
/// escape backslash, semicolon, comma and line breaks. Each event's UID is the task's stable
/// <see cref="FollowUpTask.Uid"/>, so importing a later plan updates the same events; DTSTAMP is the time of
/// writing, in UTC. The output is deterministic for the same tasks and stamp.
/// </remarks>
public static class ICalendar
{
    /// <summary>The calendar text.</summary>
    /// <param name="tasks">The tasks, written in the order given.</param>
    /// <param name="name">The calendar's display name (X-WR-CALNAME).</param>
    /// <param name="stamp">When the file is written (DTSTAMP).</param>
    public static string Write(IEnumerable<FollowUpTask> tasks, string name, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var sb = new StringBuilder();
        string dtstamp = stamp.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Allot//Follow-up plan//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(name));
        foreach (var t in tasks)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + t.Uid);
            Line(sb, "DTSTAMP:" + dtstamp);
            Line(sb, "DTSTART;VALUE=DATE:" + t.Due.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "DTEND;VALUE=DATE:" + t.Due.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape($"{Label(t.Kind)}: {t.CustomerName} ({t.CustomerKey})"));
            var description = new StringBuilder(t.Reason);
            if (t.MessageZh is not null) description.Append('\n').Append(t.MessageZh);
            if (t.MessageEn is not null) description.Append('\n').Append(t.MessageEn);
            Line(sb, "DESCRIPTION:" + Escape(description.ToString()));
            Line(sb, "CATEGORIES:" + Escape(FollowUpKinds.Name(t.Kind)));
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma, and line breaks as \n.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets, ending in CRLF.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        int octets = 0, limit = 75;
        for (int i = 0; i < line.Length; i++)
        {
            int width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                sb.Append("\r\n ");
                octets = 1; // the leading space counts toward the next line's 75
            }
            sb.Append(line[i]);
            if (width == 4) sb.Append(line[++i]);
            octets += width;
        }
        sb.Append("\r\n");
    }

    private static string Label(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Cadence => "Follow up 跟进",
        FollowUpKind.NewCustomer => "New customer 新客户跟进",
        FollowUpKind.Churn => "Churn warning 流失预警跟进",
        FollowUpKind.Birthday => "Birthday 生日关怀",
        FollowUpKind.Anniversary => "Anniversary 合作周年",
        _ => "Holiday greeting 节日问候",
    };
}
