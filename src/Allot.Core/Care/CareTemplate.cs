namespace Allot.Core.Care;

/// <summary>A suggested care message in Chinese and English.</summary>
/// <remarks>Placeholders: <c>{name}</c> the customer's name, <c>{holiday}</c> the holiday's name in the message's
/// language, <c>{years}</c> the years since the first order, <c>{date}</c> the date (yyyy-MM-dd). Unknown
/// placeholders are left as they are.</remarks>
/// <param name="Chinese">The Chinese text.</param>
/// <param name="English">The English text.</param>
public sealed record CareTemplate(string Chinese, string English)
{
    /// <summary>The default birthday message.</summary>
    public static CareTemplate DefaultBirthday { get; } = new(
        "{name}，生日快乐！感谢您一直以来的信任与支持，祝您身体健康、万事如意。",
        "Happy birthday, {name}! Thank you for your trust and support; we wish you health and every success.");

    /// <summary>The default first-order anniversary message.</summary>
    public static CareTemplate DefaultAnniversary { get; } = new(
        "{name}，今天是我们合作{years}周年的日子，感谢您的信任与支持，期待继续携手前行！",
        "{name}, it is {years} year(s) today since your first order with us. Thank you for your trust; here is to the years ahead!");

    /// <summary>The default holiday message.</summary>
    public static CareTemplate DefaultHoliday { get; } = new(
        "{name}，{holiday}快乐！感谢您一直以来的支持，祝您阖家幸福、万事顺意。",
        "Happy {holiday}, {name}! Thank you for your support; best wishes to you and your family.");

    /// <summary>Fills the placeholders of one language's text.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="name">The customer's name.</param>
    /// <param name="holiday">The holiday's name in the text's language, if any.</param>
    /// <param name="years">Years since the first order, if any.</param>
    /// <param name="date">The date the message is for.</param>
    public static string Fill(string text, string name, string? holiday, int? years, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        // One pass instead of a Replace per placeholder: a plan fills hundreds of thousands of messages.
        var sb = new System.Text.StringBuilder(text.Length + name.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }
            sb.Append(text, i, open - i);
            int close = text.IndexOf('}', open + 1);
            string? value = close < 0 ? null : text.AsSpan(open + 1, close - open - 1) switch
            {
                "name" => name,
                "holiday" => holiday ?? "",
                "years" => years?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                "date" => Maintenance.IsoDate.Format(date),
                _ => null,
            };
            if (value is null)
            {
                sb.Append('{');
                i = open + 1;
                continue;
            }
            sb.Append(value);
            i = close + 1;
        }
        return sb.ToString();
    }
}
