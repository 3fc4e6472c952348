using System.Globalization;

namespace Allot.Import.Values;

/// <summary>Culture-invariant parsing of the dates, amounts, integers and flags found in customer exports.</summary>
/// <remarks>Every method is a Try-method that never throws on bad input: the importer calls them once per
/// cell and turns a false into a row reject. Full-width digits and punctuation (as typed with Chinese
/// input methods) are accepted everywhere.</remarks>
public static class ValueParser
{
    // Longer inputs are not plausible values; refusing them keeps the scratch buffers on the stack.
    private const int MaxLength = 256;

    /// <summary>Parses a date; any time part is ignored.</summary>
    /// <remarks>Accepted: <c>2023-08-18</c> (also with <c> 16:16:00</c> or <c>T16:16:00</c>), <c>2023/8/18</c>,
    /// <c>2023.8.18</c>, <c>20230818</c>, <c>2023年8月18日</c> (optionally followed by a time), and US
    /// <c>8/18/2023</c> or <c>8-18-2023</c>. A date that starts with a 1–2 digit number is always read
    /// month first (US order): day-first exports must be converted before import. Impossible dates
    /// (February 30) are rejected.</remarks>
    /// <param name="s">The text.</param>
    /// <param name="date">The date when true.</param>
    /// <returns>True when <paramref name="s"/> is a date in one of the accepted forms.</returns>
    public static bool TryParseDate(scoped ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        s = s.Trim();
        if (s.IsEmpty || s.Length > MaxLength)
        {
            return false;
        }
        if (TryParseIsoDate(s, out var iso, out var isIso))
        {
            date = iso;
            return isIso;
        }
        Span<char> scratch = stackalloc char[s.Length];
        s = Normalize(s, scratch);

        var i = 0;
        var first = Digits(s, ref i, out var n1);
        int year, month, day;
        if (first == 8)
        {
            year = n1 / 10000;
            month = n1 / 100 % 100;
            day = n1 % 100;
        }
        else if (first == 4)
        {
            year = n1;
            if (i >= s.Length)
            {
                return false;
            }
            var sep = s[i++];
            if (sep is not ('-' or '/' or '.' or '年'))
            {
                return false;
            }
            if (Digits(s, ref i, out month) is < 1 or > 2 || i >= s.Length)
            {
                return false;
            }
            var sep2 = s[i++];
            if (sep2 != (sep == '年' ? '月' : sep))
            {
                return false;
            }
            if (Digits(s, ref i, out day) is < 1 or > 2)
            {
                return false;
            }
            if (sep == '年')
            {
                if (i < s.Length && s[i] == '日')
                {
                    i++;
                }
                // "2023年8月18日16时" style times follow without a space.
                return IsTimeTail(s[i..], allowBareDigits: true) && Make(year, month, day, out date);
            }
        }
        else if (first is 1 or 2)
        {
            month = n1;
            if (i >= s.Length || s[i] is not ('/' or '-'))
            {
                return false;
            }
            var sep = s[i++];
            if (Digits(s, ref i, out day) is < 1 or > 2 || i >= s.Length || s[i++] != sep)
            {
                return false;
            }
            if (Digits(s, ref i, out year) != 4)
            {
                return false;
            }
        }
        else
        {
            return false;
        }
        return IsTimeTail(s[i..], allowBareDigits: false) && Make(year, month, day, out date);
    }

    /// <summary>Parses an amount or other decimal number.</summary>
    /// <remarks>Accepted: <c>1234.5</c>, <c>1,234.50</c> (groups of three), <c>-12</c>, accounting negatives
    /// <c>(1,234.00)</c>, currency signs or codes before or after (<c>¥ $ £ € ￥ RMB CNY USD</c>, suffix
    /// <c>元</c>), exponents (<c>1.5E3</c>), long fractions (rounded to what decimal holds), and percents
    /// (<c>12%</c> is 0.12). Rejected: empty, <c>NA</c>, words, <c>1.2.3</c>, European <c>1.234,5</c>.</remarks>
    /// <param name="s">The text.</param>
    /// <param name="value">The number when true.</param>
    /// <returns>True when <paramref name="s"/> is a number.</returns>
    public static bool TryParseDecimal(scoped ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        s = s.Trim();
        if (s.IsEmpty || s.Length > MaxLength)
        {
            return false;
        }
        if (TryParsePlainDecimal(s, out value))
        {
            return true;
        }
        Span<char> scratch = stackalloc char[s.Length];
        s = Normalize(s, scratch);

        var negative = false;
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }
        var percent = false;
        if (s.Length > 0 && s[^1] == '%')
        {
            percent = true;
            s = s[..^1].TrimEnd();
        }
        // Currency and sign may come in either order: "-$12", "$-12", "12 USD", "-12元".
        for (var pass = 0; pass < 2; pass++)
        {
            s = StripCurrency(s);
            if (s.Length > 0 && s[0] == '-' && !negative)
            {
                negative = true;
                s = s[1..].TrimStart();
            }
            else if (s.Length > 0 && s[0] == '+')
            {
                s = s[1..].TrimStart();
            }
        }
        if (s.Length > 0 && s[^1] == '-' && !negative)
        {
            negative = true; // trailing minus, as some ledgers print
            s = s[..^1].TrimEnd();
        }

        Span<char> clean = stackalloc char[s.Length];
        var n = CleanNumber(s, clean);
        if (n <= 0 || !decimal.TryParse(clean[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return false;
        }
        if (percent)
        {
            value /= 100m;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>Parses a whole number: optional sign, digits with optional groups of three
    /// (<c>1,234</c>), and a fraction of zeros only (<c>12.00</c>, as spreadsheets export counts).</summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The number when true.</param>
    /// <returns>True when <paramref name="s"/> is a whole number within <see cref="long"/>.</returns>
    public static bool TryParseLong(scoped ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        s = s.Trim();
        if (s.IsEmpty || s.Length > MaxLength)
        {
            return false;
        }
        Span<char> scratch = stackalloc char[s.Length];
        s = Normalize(s, scratch);
        if (s.IsEmpty)
        {
            return false;
        }
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var dot = s.IndexOf('.');
        if (dot >= 0)
        {
            if (s[(dot + 1)..].ContainsAnyExcept('0'))
            {
                return false;
            }
            s = s[..dot];
        }
        Span<char> clean = stackalloc char[s.Length];
        var n = CleanNumber(s, clean);
        if (n <= 0 || clean[..n].ContainsAnyExcept("0123456789"))
        {
            return false;
        }
        // Accumulate negatively so long.MinValue parses too.
        long acc = 0;
        foreach (var c in clean[..n])
        {
            var digit = c - '0';
            if (acc < (long.MinValue + digit) / 10)
            {
                return false;
            }
            acc = acc * 10 - digit;
        }
        if (!negative)
        {
            if (acc == long.MinValue)
            {
                return false;
            }
            acc = -acc;
        }
        value = acc;
        return true;
    }

    /// <summary>Parses a whole number within <see cref="int"/>; same forms as <see cref="TryParseLong"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The number when true.</param>
    /// <returns>True when <paramref name="s"/> is a whole number within <see cref="int"/>.</returns>
    public static bool TryParseInt(ReadOnlySpan<char> s, out int value)
    {
        if (TryParseLong(s, out var v) && v is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)v;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>Parses a flag, case-insensitively: true/false, yes/no, y/n, 1/0, 是/否, 真/假.</summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The flag when true.</param>
    /// <returns>True when <paramref name="s"/> is one of the accepted words.</returns>
    public static bool TryParseBool(scoped ReadOnlySpan<char> s, out bool value)
    {
        s = s.Trim();
        Span<char> scratch = stackalloc char[Math.Min(s.Length, 8)];
        if (s.Length <= 8)
        {
            s = Normalize(s, scratch);
        }
        if (Is(s, "true") || Is(s, "yes") || Is(s, "y") || Is(s, "1") || Is(s, "是") || Is(s, "真"))
        {
            value = true;
            return true;
        }
        value = false;
        return Is(s, "false") || Is(s, "no") || Is(s, "n") || Is(s, "0") || Is(s, "否") || Is(s, "假");

        static bool Is(ReadOnlySpan<char> s, string word) => s.Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Converts full-width ASCII forms (U+FF01..U+FF5E, e.g. <c>１２３．５</c>) and the ideographic
    /// space to their ASCII equivalents; other text is unchanged.</summary>
    /// <param name="s">The text.</param>
    /// <returns><paramref name="s"/> itself when there was nothing to convert, else the converted copy.</returns>
    public static string NormalizeWidth(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!HasWide(s))
        {
            return s;
        }
        return string.Create(s.Length, s, static (dest, src) => Normalize(src, dest));
    }

    private static bool HasWide(ReadOnlySpan<char> s) => s.ContainsAnyInRange('\uFF01', '\uFF5E') || s.Contains('\u3000');

    /// <summary>Full-width to ASCII into <paramref name="scratch"/> (same length) when needed.</summary>
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> s, Span<char> scratch)
    {
        if (!HasWide(s))
        {
            return s;
        }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            scratch[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
        return scratch[..s.Length].Trim();
    }

    private static ReadOnlySpan<char> StripCurrency(ReadOnlySpan<char> s)
    {
        foreach (var code in (ReadOnlySpan<string>)["RMB", "CNY", "USD"])
        {
            if (s.StartsWith(code, StringComparison.OrdinalIgnoreCase))
            {
                s = s[code.Length..].TrimStart();
            }
            else if (s.EndsWith(code, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^code.Length].TrimEnd();
            }
        }
        if (s.Length > 0 && IsCurrencySign(s[0]))
        {
            s = s[1..].TrimStart();
        }
        if (s.Length > 0 && (IsCurrencySign(s[^1]) || s[^1] == '元'))
        {
            s = s[..^1].TrimEnd();
        }
        return s;
    }

    private static bool IsCurrencySign(char c) => c is '¥' or '$' or '£' or '€' or '￥';

    /// <summary>Copies digits, one '.', and an exponent, dropping valid group commas. -1 when malformed.</summary>
    private static int CleanNumber(ReadOnlySpan<char> s, Span<char> dest)
    {
        int n = 0, digitsBefore = 0, digitsAfter = 0, sinceComma = -1;
        var dot = false;
        var i = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                dest[n++] = c;
                if (dot) digitsAfter++;
                else digitsBefore++;
                if (sinceComma >= 0) sinceComma++;
            }
            else if (c == ',' && !dot)
            {
                // Groups of exactly three digits after each comma; none at the start.
                if (digitsBefore == 0 || (sinceComma >= 0 && sinceComma != 3))
                {
                    return -1;
                }
                sinceComma = 0;
            }
            else if (c == '.' && !dot)
            {
                if (sinceComma >= 0 && sinceComma != 3)
                {
                    return -1;
                }
                sinceComma = -1;
                dot = true;
                dest[n++] = '.';
            }
            else
            {
                break;
            }
        }
        if (sinceComma >= 0 && sinceComma != 3 || digitsBefore + digitsAfter == 0)
        {
            return -1;
        }
        if (i < s.Length)
        {
            // Only an exponent may follow: E, optional sign, digits.
            if (s[i] is not ('e' or 'E'))
            {
                return -1;
            }
            dest[n++] = 'E';
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                dest[n++] = s[i++];
            }
            var expDigits = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                dest[n++] = s[i];
                expDigits++;
            }
            if (expDigits == 0 || i < s.Length)
            {
                return -1;
            }
        }
        return n;
    }

    /// <summary>Reads up to 9 ASCII digits at <paramref name="i"/>; returns how many (more than 9 fails).</summary>
    // The common form of a date, yyyy-MM-dd, read directly: the same result as the general path below (which
    // reads it as year, separator, month, the same separator, day), at a fraction of the cost on large imports.
    // False when s is not in that form (the general path decides); otherwise valid says whether the date exists.
    private static bool TryParseIsoDate(ReadOnlySpan<char> s, out DateOnly date, out bool valid)
    {
        date = default;
        valid = false;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }
        int year = 0, month = 0, day = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            if (i < 4) year = year * 10 + d;
            else if (i < 7) month = month * 10 + d;
            else day = day * 10 + d;
        }
        valid = Make(year, month, day, out date);
        return true;
    }

    // The common form of an amount, [-]digits[.digits] with at most 18 digits, read directly: the same value and
    // scale as the general path (decimal.TryParse of the digits, then negated for a leading minus), which keeps
    // every written decimal, trailing zeros included.
    private static bool TryParsePlainDecimal(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        var i = 0;
        var negative = s[0] == '-';
        if (negative)
        {
            i = 1;
        }
        ulong mantissa = 0;
        int digits = 0, scale = 0, dot = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.' && dot < 0 && digits > 0)
            {
                dot = i;
                continue;
            }
            var d = c - '0';
            if ((uint)d > 9 || ++digits > 18)
            {
                return false;
            }
            mantissa = mantissa * 10 + (uint)d;
            if (dot >= 0)
            {
                scale++;
            }
        }
        if (digits == 0 || (dot >= 0 && scale == 0))
        {
            return false;
        }
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    private static int Digits(ReadOnlySpan<char> s, ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (i - start == 9)
            {
                return 0;
            }
            value = value * 10 + (s[i] - '0');
            i++;
        }
        return i - start;
    }

    /// <summary>True when what follows the date is nothing or a time (which is ignored).</summary>
    private static bool IsTimeTail(ReadOnlySpan<char> tail, bool allowBareDigits)
    {
        if (tail.IsEmpty)
        {
            return true;
        }
        if (allowBareDigits && char.IsAsciiDigit(tail[0]))
        {
            return true;
        }
        if (tail[0] is ' ' or 'T' or 't')
        {
            tail = tail[1..].TrimStart();
            return tail.Length > 0 && char.IsAsciiDigit(tail[0]);
        }
        return false;
    }

    private static bool Make(int year, int month, int day, out DateOnly date)
    {
        if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }
        date = default;
        return false;
    }
}
