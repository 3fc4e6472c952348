using System.Runtime.CompilerServices;
using System.Text;

namespace Allot.Import.Importing.Fast;

/// <summary>Fields of one line as byte ranges, and the few value forms the fast reader parses itself: anything
/// else goes to the import's own mapping, row by row.</summary>
internal static class FieldBytes
{
    /// <summary>Splits <paramref name="line"/> at <paramref name="delimiter"/>; the number of fields, or -1 when
    /// there are more than <paramref name="starts"/> holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Split(ReadOnlySpan<byte> line, byte delimiter, int[] starts, int[] ends)
    {
        int n = 0, s = 0;
        while (true)
        {
            if (n == starts.Length) return -1;
            int k = line[s..].IndexOf(delimiter);
            starts[n] = s;
            if (k < 0)
            {
                ends[n++] = line.Length;
                return n;
            }
            ends[n++] = s + k;
            s += k + 1;
        }
    }

    /// <summary>The field without surrounding spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> field)
    {
        int a = 0, b = field.Length;
        while (a < b && field[a] == ' ') a++;
        while (b > a && field[b - 1] == ' ') b--;
        return field[a..b];
    }

    /// <summary>True when the (space-trimmed) field may still begin or end with whitespace that
    /// <see cref="string.Trim()"/> removes: a non-ASCII white-space character at an edge.</summary>
    public static bool HasWideSpaceAtEdge(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return false;
        if (field[0] >= 0x80 && System.Text.Rune.DecodeFromUtf8(field, out var first, out _) == System.Buffers.OperationStatus.Done
            && IsSpace(first)) return true;
        return field[^1] >= 0x80 && System.Text.Rune.DecodeLastFromUtf8(field, out var last, out _) == System.Buffers.OperationStatus.Done
            && IsSpace(last);

        static bool IsSpace(Rune r) => r.IsBmp ? char.IsWhiteSpace((char)r.Value) : Rune.IsWhiteSpace(r);
    }

    /// <summary>Parses <c>yyyy-MM-dd</c> exactly (what <c>ValueParser.TryParseDate</c> also accepts, with the
    /// same result) into a day number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseIsoDate(ReadOnlySpan<byte> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        int year = 0, month = 0, day = 0;
        for (int i = 0; i < 4; i++)
        {
            int d = s[i] - '0';
            if ((uint)d > 9) return false;
            year = year * 10 + d;
        }
        int m1 = s[5] - '0', m2 = s[6] - '0', d1 = s[8] - '0', d2 = s[9] - '0';
        if ((uint)m1 > 9 || (uint)m2 > 9 || (uint)d1 > 9 || (uint)d2 > 9) return false;
        month = m1 * 10 + m2;
        day = d1 * 10 + d2;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dayNumber = new DateOnly(year, month, day).DayNumber;
        return true;
    }

    /// <summary>Parses <c>digits[.digits]</c> with at most 18 decimals and a value below 10^14 (as the import
    /// allows), optionally with a leading minus and then not zero, into units of 10^-18 and the scale
    /// <c>decimal.Parse</c> would give (the number of decimals written).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseMoney(ReadOnlySpan<byte> s, bool allowNegative, out OrderSums.Money money)
    {
        money = default;
        bool negative = false;
        if (allowNegative && s.Length > 0 && s[0] == '-')
        {
            negative = true;
            s = s[1..];
        }
        int i = 0;
        long whole = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            whole = whole * 10 + (s[i] - '0');
            if (whole >= 100_000_000_000_000) return false;
            i++;
        }
        if (i == 0) return false;
        long fraction = 0;
        int scale = 0;
        if (i < s.Length)
        {
            if (s[i] != '.') return false;
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (scale == 18) return false;
                fraction = fraction * 10 + (s[i] - '0');
                scale++;
                i++;
            }
            if (scale == 0 || i < s.Length) return false;
        }
        Int128 units = (Int128)whole * Pow10[18] + (Int128)fraction * Pow10[18 - scale];
        if (negative && units == 0) return false;
        money = new OrderSums.Money(negative ? -units : units, scale, negative);
        return true;
    }

    /// <summary>Powers of ten, 10^0 to 10^18.</summary>
    public static readonly Int128[] Pow10 = [.. Enumerable.Range(0, 19).Select(k => Int128.Parse("1" + new string('0', k), System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A decimal as money units, or false when it has more than 18 decimals.</summary>
    public static bool TryFromDecimal(decimal value, out OrderSums.Money money)
    {
        money = default;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        if (scale > 18) return false;
        var mantissa = (Int128)(UInt128)((uint)bits[0] | ((ulong)(uint)bits[1] << 32) | ((UInt128)(uint)bits[2] << 64));
        Int128 units;
        try
        {
            units = checked(mantissa * Pow10[18 - scale]);
        }
        catch (OverflowException)
        {
            return false;
        }
        money = new OrderSums.Money(negative ? -units : units, scale, negative);
        return true;
    }
}
