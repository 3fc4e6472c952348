using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Allot.Import.Values;

namespace Allot.Import.Importing.Fast;

/// <summary>Finds the latest order date up to today in its chunks, reading only the date column: the default
/// as-of date, found as <see cref="FileRecords.LatestOrderDate"/> finds it (any row whose date parses counts,
/// whatever its other fields).</summary>
internal sealed class DateLineWorker(byte delimiter, int column, int todayDay) : LineWorker
{
    /// <summary>The latest day number seen, or -1.</summary>
    public int Latest { get; private set; } = -1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Line(ReadOnlySpan<byte> line, bool plain, int chunk, int lineInChunk)
    {
        if (line.IsEmpty) return true;
        if (!plain)
        {
            if (line[0] == '"' || line.IndexOf([delimiter, (byte)'"']) >= 0) return false; // a quoted field may be anywhere
            if (!Utf8.IsValid(line)) return false;
        }
        var rest = line;
        for (int k = 0; k < column; k++)
        {
            int d = rest.IndexOf(delimiter);
            if (d < 0) return true; // the row has no date field
            rest = rest[(d + 1)..];
        }
        int end = rest.IndexOf(delimiter);
        var field = end < 0 ? rest : rest[..end];
        int day;
        if (!FieldBytes.TryParseIsoDate(FieldBytes.TrimSpaces(field), out day))
        {
            if (!ValueParser.TryParseDate(Encoding.UTF8.GetString(field), out var date)) return true;
            day = date.DayNumber;
        }
        if (day <= todayDay && day > Latest) Latest = day;
        return true;
    }
}
