using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.Win32.SafeHandles;

namespace Allot.Import.Importing.Fast;

/// <summary>Reads the lines of a text file in parallel: the file is cut into chunks at line breaks, and each
/// worker takes chunk after chunk.</summary>
/// <remarks>A line belongs to the chunk its first byte lies in. Cutting at any line break is only right when no
/// quoted field spans lines, so workers give up on any field that opens with a quote, and the whole run stops:
/// the line holding the opening quote starts in an earlier chunk than any cut inside the field, so it is seen.
/// A lone CR (a line break to the reader, not here) also stops the run.</remarks>
internal static class ChunkedLines
{
    private const int BufferSize = 1 << 20;
    private const long MinChunk = 4L << 20;

    /// <summary>Runs <paramref name="workers"/> over the lines from <paramref name="dataStart"/> on.</summary>
    /// <returns>Lines per chunk (blank ones included), or null when a worker gave up.</returns>
    /// <param name="file">The file.</param>
    /// <param name="dataStart">Offset of the first line.</param>
    /// <param name="delimiter">The field delimiter (not a reason to call a line plain or not).</param>
    /// <param name="workers">One per thread.</param>
    /// <param name="minChunk">The least chunk size in bytes (tests make it small to cut small files).</param>
    public static int[]? Run(SafeFileHandle file, long dataStart, char delimiter, IReadOnlyList<LineWorker> workers, long minChunk = MinChunk)
    {
        long length = RandomAccess.GetLength(file);
        long size = Math.Max(minChunk, (length - dataStart) / (workers.Count * 8) + 1);
        int chunks = (int)Math.Max(1, (length - dataStart + size - 1) / size);
        var lines = new int[chunks];
        var special = Special(delimiter);
        int next = -1;
        int stop = 0;
        Parallel.For(0, workers.Count, new ParallelOptions { MaxDegreeOfParallelism = workers.Count }, w =>
        {
            var buffer = new byte[BufferSize];
            int chunk;
            while (Volatile.Read(ref stop) == 0 && (chunk = Interlocked.Increment(ref next)) < chunks)
            {
                long start = dataStart + chunk * size, end = Math.Min(length, start + size);
                int? count = Chunk(file, start, end, chunk == 0, chunk, workers[w], special, ref buffer);
                if (count is null) Volatile.Write(ref stop, 1);
                else lines[chunk] = count.Value;
            }
        });
        return stop == 0 ? lines : null;
    }

    // Bytes after which a line is not plain: controls but the delimiter and line breaks, the quote, non-ASCII.
    private static SearchValues<byte> Special(char delimiter)
    {
        var bytes = new List<byte>();
        for (int b = 0; b < 256; b++)
        {
            bool plain = b is >= 0x20 and <= 0x7E and not '"' || b == delimiter || b is '\n' or '\r';
            if (!plain) bytes.Add((byte)b);
        }
        return SearchValues.Create([.. bytes]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int? Chunk(SafeFileHandle file, long start, long end, bool first, int chunk, LineWorker worker,
        SearchValues<byte> special, ref byte[] buffer)
    {
        long pos = first ? start : LineStartFrom(file, start, buffer);
        var lineEnds = new int[1 << 14];
        int have = 0;
        int count = 0;
        if (pos >= end) return count;
        while (true)
        {
            if (have == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            int read = RandomAccess.Read(file, buffer.AsSpan(have), pos + have);
            bool eof = read == 0;
            have += read;
            var region = buffer.AsSpan(0, have);
            int complete = eof ? have : region.LastIndexOf((byte)'\n') + 1;
            if (complete == 0)
            {
                if (eof) return count;
                continue; // no line break yet: read more (the buffer grows)
            }
            var block = region[..complete];
            bool plainBlock = block.IndexOfAny(special) < 0;
            if (block.Contains((byte)'\r') && block.Count((byte)'\r') != block.Count("\r\n"u8) + (eof && block[^1] == '\r' ? 1 : 0))
                return null; // a lone CR ends a row for the reader
            int offset = 0;
            int breaks = LineBreaks(block, ref lineEnds);
            for (int k = 0; offset < complete; k++)
            {
                if (pos + offset >= end) return count;
                // The line up to the next break, or (at the end of the file) the rest.
                int stop = k < breaks ? lineEnds[k] : complete;
                var line = block[offset..stop];
                offset = k < breaks ? stop + 1 : complete;
                if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
                bool plain = plainBlock || line.IndexOfAny(special) < 0;
                if (!worker.Line(line, plain, chunk, count)) return null;
                count++;
            }
            if (eof) return count;
            region[complete..].CopyTo(buffer);
            have -= complete;
            pos += complete;
        }
    }

    /// <summary>The offsets of the line breaks (LF) in <paramref name="block"/>, in order, into
    /// <paramref name="ends"/> (grown as needed); their count.</summary>
    /// <remarks>Found 32 bytes at a time where the processor allows: one pass over the block instead of a search
    /// from each line's start.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int LineBreaks(ReadOnlySpan<byte> block, ref int[] ends)
    {
        int count = 0, i = 0;
        if (Vector256.IsHardwareAccelerated && block.Length >= Vector256<byte>.Count)
        {
            ref byte first = ref MemoryMarshal.GetReference(block);
            var lf = Vector256.Create((byte)'\n');
            for (; i <= block.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), lf).ExtractMostSignificantBits();
                if (mask == 0) continue;
                if (count + Vector256<byte>.Count > ends.Length) Array.Resize(ref ends, Math.Max(ends.Length * 2, count + Vector256<byte>.Count));
                for (; mask != 0; mask &= mask - 1) ends[count++] = i + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; i < block.Length; i++)
        {
            if (block[i] != '\n') continue;
            if (count == ends.Length) Array.Resize(ref ends, Math.Max(ends.Length * 2, 1));
            ends[count++] = i;
        }
        return count;
    }

    /// <summary>The first line start at or after <paramref name="start"/>: <paramref name="start"/> itself when a line
    /// break precedes it, else just after the next line break (the end of the file when there is none).</summary>
    public static long LineStartFrom(SafeFileHandle file, long start, byte[] buffer)
    {
        long pos = start - 1;
        while (true)
        {
            int read = RandomAccess.Read(file, buffer, pos);
            if (read == 0) return pos;
            int k = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (k >= 0) return pos + k + 1;
            pos += read;
        }
    }
}
