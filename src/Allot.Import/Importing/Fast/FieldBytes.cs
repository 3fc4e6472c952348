using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Allot.Import.Importing.Fast;

/// <summary>Fields of one line as byte ranges, and the few value forms the fast reader parses itself: anything
/// else goes to the import's own mapping, row by row.</summary>
internal static class FieldBytes
{
    /// <summary>Splits <paramref name="line"/> at <paramref name="delimiter"/>; the number of fields, or -1 when
    /// there are more than <paramref name="starts"/> holds (its first fields then filled).</summary>
    /// <remarks>Delimiters are found 32 bytes at a time where the processor allows, the rest byte by byte.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Split(ReadOnlySpan<byte> line, byte delimiter, int[] starts, int[] ends)
    {
        int n = 0, s = 0, i = 0, max = starts.Length;
        if (Vector256.IsHardwareAccelerated && line.Length >= Vector256<byte>.Count)
        {
            ref byte first = ref MemoryMarshal.GetReference(line);
            var wanted = Vector256.Create(delimiter);
            for (; i <= line.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), wanted).ExtractMostSignificantBits();
                for (; mask != 0; mask &= mask - 1)
                {
                    if (n == max) return -1;
                    int k = i + BitOperations.TrailingZeroCount(mask);
                    starts[n] = s;
                    ends[n++] = k;
                    s = k + 1;
                }
            }
        }
        for (; i < line.Length; i++)
        {
            if (line[i] != delimiter) continue;
            if (n == max) return -1;
            starts[n] = s;
            ends[n++] = i;
            s = i + 1;
        }
        if (n == max) return -1;
        starts[n] = s;
        ends[n++] = line.Length;
        return n;
    }

    /// <summary>The field without surrounding spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    /// same result) into a day number (<see cref="DateOnly.DayNumber"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseIsoDate(ReadOnlySpan<byte> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        int y1 = s[0] - '0', y2 = s[1] - '0', y3 = s[2] - '0', y4 = s[3] - '0';
        int m1 = s[5] - '0', m2 = s[6] - '0', d1 = s[8] - '0', d2 = s[9] - '0';
        if ((uint)y1 > 9 || (uint)y2 > 9 || (uint)y3 > 9 || (uint)y4 > 9 || (uint)m1 > 9 || (uint)m2 > 9 || (uint)d1 > 9 || (uint)d2 > 9)
            return false;
        int year = y1 * 1000 + y2 * 100 + y3 * 10 + y4, month = m1 * 10 + m2, day = d1 * 10 + d2;
        if (year < 1 || month is < 1 or > 12 || day < 1) return false;
        bool leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        var before = leap ? DaysBeforeMonthLeap : DaysBeforeMonth;
        if (day > before[month] - before[month - 1]) return false;
        int y = year - 1;
        // Days from 0001-01-01, as DateOnly counts them.
        dayNumber = y * 365 + y / 4 - y / 100 + y / 400 + before[month - 1] + day - 1;
        return true;
    }

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    private static readonly int[] DaysBeforeMonthLeap = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    /// <summary>Parses <c>digits[.digits]</c> with at most 18 decimals and a value below 10^14 (as the import
    /// allows), optionally with a leading minus and then not zero, into its digits as a 64-bit mantissa and the scale
    /// <c>decimal.Parse</c> would give (the number of decimals written); false also when the digits do not fit.</summary>
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
        long mantissa = whole;
        int scale = 0;
        if (i < s.Length)
        {
            if (s[i] != '.') return false;
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                // Below 10^14 · 10^4 every digit fits; past that, check.
                if (scale == 18 || (scale >= 4 && mantissa > (long.MaxValue - 9) / 10)) return false;
                mantissa = mantissa * 10 + (s[i] - '0');
                scale++;
                i++;
            }
            if (scale == 0 || i < s.Length) return false;
        }
        if (negative && mantissa == 0) return false;
        money = new OrderSums.Money(negative ? -mantissa : mantissa, scale, negative);
        return true;
    }

    /// <summary>Powers of ten, 10^0 to 10^18.</summary>
    public static readonly long[] Pow10 = Powers();

    private static long[] Powers()
    {
        var powers = new long[19];
        powers[0] = 1;
        for (int k = 1; k < powers.Length; k++) powers[k] = powers[k - 1] * 10;
        return powers;
    }

    /// <summary>A decimal as money, or false when it has more than 18 decimals or more digits than 64 bits hold.</summary>
    public static bool TryFromDecimal(decimal value, out OrderSums.Money money)
    {
        money = default;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        ulong low = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (scale > 18 || bits[2] != 0 || low > long.MaxValue) return false;
        money = new OrderSums.Money(negative ? -(long)low : (long)low, scale, negative);
        return true;
    }
}
