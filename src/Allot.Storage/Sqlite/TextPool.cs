using System.Text;

namespace Allot.Storage.Sqlite;

/// <summary>One string per distinct value of a low-cardinality text column (region, status, tier, rep key), looked
/// up from the column's UTF-8 bytes without allocating, so reading a million rows does not make a million copies.</summary>
internal sealed class TextPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0) return "";
        if (utf8.Length > 256) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[utf8.Length];
        int n = Encoding.UTF8.GetChars(utf8, chars);
        if (_lookup.TryGetValue(chars[..n], out string? s)) return s;
        s = new string(chars[..n]);
        if (_strings.Count < 100_000) _strings[s] = s;
        return s;
    }

    /// <summary>Parses a 'yyyy-MM-dd' column without allocating; other text falls back to the full parser.</summary>
    public static DateOnly? Date(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0) return null;
        if (b.Length == 10 && b[4] == '-' && b[7] == '-')
        {
            int year = Digits(b, 0, 4), month = Digits(b, 5, 2), day = Digits(b, 8, 2);
            if (year > 0 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)) return new DateOnly(year, month, day);
        }
        return DateOnly.ParseExact(Encoding.UTF8.GetString(b), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Digits(ReadOnlySpan<byte> b, int start, int count)
    {
        int v = 0;
        for (int i = start; i < start + count; i++)
        {
            int d = b[i] - '0';
            if (d is < 0 or > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}
