using System.Text;
using Allot.Core.Importing;
using Allot.Core.Indicators;
using Allot.Import.Importing.Fast;
using Allot.Import.Mapping;
using Allot.Import.Reading;

namespace Allot.Import.Importing;

/// <summary>An orders file summed per customer as it is parsed, in parallel, for indicators without a store
/// (<c>classify --from</c>): the same sums as mapping every row with <see cref="FileRecords.Read{T}"/> and
/// streaming the orders into the calculator, without an object or a string per row.</summary>
/// <remarks>
/// <para>Taken: UTF-8 (or ASCII) text with a one-character delimiter, any header the orders layout resolves
/// (canonical names or aliases), LF or CRLF line ends. Rows in the common forms (ISO dates, plain decimals with
/// up to 18 places) are parsed from bytes; any other row is mapped by the import's own rules, so rows are
/// accepted and rejected exactly as an import would, and rejects reach <c>onReject</c> in file order with their
/// line numbers. Not taken (null, and the caller reads the file the usual way): other encodings, workbooks,
/// whitespace-separated text, any quoted field, lone CR line ends, an amount whose digits do not fit 64 bits, a
/// money sum with more digits than a decimal holds or that ends at exactly zero after negative values (its
/// decimal sign depends on row order), or a file without a valid order date when no as-of date is given.</para>
/// <para>Without an as-of date, the file is summed for the latest date in its tail and checked against the latest
/// date in the whole file; only when they differ is it summed a second time.</para>
/// </remarks>
public static class OrderFileSums
{
    /// <summary>What <see cref="TrySum"/> found.</summary>
    /// <param name="AsOf">The as-of date the sums were made for: the one given, else the latest order date.</param>
    /// <param name="Summaries">One per customer with an order up to as-of (streamed once).</param>
    public sealed record Result(DateOnly AsOf, IEnumerable<OrderSummary> Summaries);

    /// <summary>Sums <paramref name="path"/> per customer, or returns null when the file is not one this reader takes.</summary>
    /// <param name="path">The orders file.</param>
    /// <param name="today">Rows dated after it are rejected, as in an import.</param>
    /// <param name="asOf">The as-of date; null takes the latest valid order date (as <see cref="FileRecords.LatestOrderDate"/>).</param>
    /// <param name="detail">What besides sums to count; purchase days and categories are 0 in the summaries otherwise.</param>
    /// <param name="onReject">Gets each rejected row, in file order; only called when the result is not null.</param>
    /// <param name="workers">Threads (default: one per core).</param>
    /// <exception cref="ImportFileException">The file cannot be opened or lacks a required column (as an import says).</exception>
    public static Result? TrySum(string path, DateOnly today, DateOnly? asOf, OrderDetail detail,
        Action<RowReject>? onReject = null, int? workers = null) => TrySum(path, today, asOf, detail, onReject, workers, 4L << 20);

    /// <summary>As <see cref="TrySum(string, DateOnly, DateOnly?, OrderDetail, Action{RowReject}?, int?)"/>, with the
    /// least chunk size (tests cut small files into many chunks).</summary>
    internal static Result? TrySum(string path, DateOnly today, DateOnly? asOf, OrderDetail detail,
        Action<RowReject>? onReject, int? workers, long minChunk)
    {
        HeaderMap map;
        byte delimiter;
        long dataStart;
        long headerLine;
        using (var reader = Importer.Open(path, new ImportOptions()))
        {
            if (reader is not DelimitedTableReader text || text.DetectedEncoding.Name != "UTF-8" || text.IsWhitespaceSeparated
                || text.Delimiter is > (char)0x7E or < ' ' and not '\t' or '"' or ' ')
                return null;
            map = HeaderMap.Resolve(Layouts.Orders, reader.Headers, null, path);
            delimiter = (byte)text.Delimiter;
            (dataStart, headerLine) = DataStart(path, text.DetectedEncoding.PreambleLength, delimiter, reader.Headers);
            if (dataStart < 0) return null;
        }
        int threads = Math.Clamp(workers ?? Environment.ProcessorCount, 1, 64);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        // Without an as-of date the sums are made for the latest date in the file's tail (a file is most often in
        // date order, and any long stretch of it holds its latest day), and checked against the latest date the
        // summing finds in the whole file: when they differ, the file is summed again for that date.
        int asOfDay;
        if (asOf is { } given) asOfDay = given.DayNumber;
        else
        {
            int column = map.IndexOf("order_date");
            long length = RandomAccess.GetLength(file);
            long tail = Math.Max(dataStart, length - Math.Max(minChunk, (length - dataStart) / 32));
            if (tail > dataStart) tail = ChunkedLines.LineStartFrom(file, tail, new byte[1 << 16]);
            var finder = new DateLineWorker(delimiter, column, today.DayNumber);
            if (ChunkedLines.Run(file, tail, (char)delimiter, [finder], minChunk) is null) return null;
            asOfDay = finder.Latest;
        }
        var columns = OrderColumns.Of(map, delimiter);
        List<OrderLineWorker> summers;
        int[]? lines;
        while (true)
        {
            summers = [.. Enumerable.Range(0, threads).Select(_ => new OrderLineWorker(columns, map, path, today, asOfDay, detail))];
            lines = ChunkedLines.Run(file, dataStart, (char)delimiter, summers, minChunk);
            if (lines is null) return null;
            if (asOf is not null) break;
            int latest = summers.Max(s => s.Latest);
            if (latest < 0) return null; // no valid order date: the caller's reader says so
            if (latest == asOfDay) break;
            asOfDay = latest;
        }
        asOf = DateOnly.FromDayNumber(asOfDay);
        var rejects = summers.SelectMany(s => s.Rejects).OrderBy(r => r.Chunk).ThenBy(r => r.Line).ToList();
        IEnumerable<OrderSummary> summaries;
        try
        {
            var parts = summers.Select(s => s.Sums).ToList();
            summers.Clear();
            summaries = OrderSums.ToSummaries(parts);
        }
        catch (OverflowException)
        {
            return null;
        }
        if (onReject is not null)
        {
            var firstLine = new long[lines.Length];
            long next = headerLine + 1;
            for (int k = 0; k < lines.Length; k++)
            {
                firstLine[k] = next;
                next += lines[k];
            }
            foreach (var (chunk, line, reject) in rejects)
                onReject(reject with { Line = firstLine[chunk] + line });
        }
        return new Result(asOf.Value, summaries);
    }

    // The byte offset of the first data line and the header's line number, or -1 when the header is not one plain
    // line this reader can vouch for (the same headers the table reader found).
    internal static (long Offset, long HeaderLine) DataStart(string path, int preamble, byte delimiter, IReadOnlyList<string> headers)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var head = new byte[Math.Min(stream.Length, 1 << 20)];
        int length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        int pos = preamble;
        if (bytes[pos..].StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) pos += 3;
        long line = 1;
        while (true)
        {
            int nl = bytes[pos..].IndexOf((byte)'\n');
            if (nl < 0) return (-1, 0);
            var text = bytes.Slice(pos, nl);
            if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
            if (text.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
            {
                pos += nl + 1;
                line++;
                continue;
            }
            if (text.IndexOf((byte)'"') >= 0 || text.IndexOf((byte)'\r') >= 0 || !System.Text.Unicode.Utf8.IsValid(text)) return (-1, 0);
            string[] found = Encoding.UTF8.GetString(text).Split((char)delimiter);
            if (found.Length != headers.Count) return (-1, 0);
            for (int i = 0; i < found.Length; i++)
                if (found[i].Trim('\uFEFF').Trim() != headers[i]) return (-1, 0);
            return (pos + nl + 1, line);
        }
    }
}
