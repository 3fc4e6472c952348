using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Allot.Core.Importing;
using Allot.Core.Sales;
using Allot.Import.Importing.Fast;
using Allot.Import.Mapping;
using Allot.Import.Reading;

namespace Allot.Import.Importing.Direct;

/// <summary>Reads the data lines of a UTF-8 orders file into <see cref="OrderRows"/>, byte by byte where it can, and
/// everywhere else exactly as <see cref="DelimitedTableReader"/> and <see cref="RecordMapper"/> read a row.</summary>
/// <remarks>
/// <para>A line whose fields are all in the forms <see cref="FieldBytes"/> parses (ISO date on or before today,
/// plain decimals, text without white space beyond ASCII spaces at its edges) goes straight into the batch. Any
/// other line is decoded, split at the delimiter as the reader splits it, and mapped by the import's own mapper, so
/// it is accepted or rejected with the same reason.</para>
/// <para>A line holding a quote, a carriage return that is not part of its line break, or bytes that are not
/// UTF-8 is where splitting at the delimiter stops being the reader's reading (a quoted field may hold delimiters
/// and line breaks; the reader refuses the bytes with their line). From that line on, the rest of the file is read
/// by the table reader itself (<see cref="DelimitedTableReader"/> started at that line) and every row mapped.</para>
/// </remarks>
internal sealed class OrderLineReader : IDisposable
{
    private const int BufferSize = 1 << 20;

    private readonly string _path;
    private readonly DetectedEncoding _encoding;
    private readonly byte _delimiter;
    private readonly DirectColumns _columns;
    private readonly RecordMapper _mapper;
    private readonly DateOnly _today;
    private readonly FileStream _file;
    private readonly SearchValues<byte> _special;
    private readonly int[] _starts, _ends;
    private byte[] _buffer = new byte[BufferSize];
    private int _have, _pos;
    private long _bufferOffset;
    private bool _eof;
    private long _line;
    private DelimitedTableReader? _rest;
    private long _restOffset;

    public OrderLineReader(string path, HeaderMap map, DetectedEncoding encoding, byte delimiter, DateOnly today, long dataStart, long headerLine)
    {
        _path = path;
        _encoding = encoding;
        _delimiter = delimiter;
        _columns = DirectColumns.Of(map);
        _mapper = new RecordMapper(EntityKind.Orders, map, path, today);
        _today = today;
        _starts = new int[_columns.Count];
        _ends = new int[_columns.Count];
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _file.Position = dataStart;
        _bufferOffset = dataStart;
        _line = headerLine + 1;
        _special = Special(delimiter);
    }

    /// <summary>Bytes of the file read so far.</summary>
    public long BytesRead => _rest is null ? _bufferOffset + _pos : _restOffset + _rest.BytesRead;

    /// <summary>Reads up to <paramref name="size"/> rows into the batch: accepted ones into its rows, refused ones into
    /// its rejects; false when the file had no row left.</summary>
    public bool Next(DirectBatch batch, int size)
    {
        batch.Clear();
        while (batch.Read < size)
        {
            if (_rest is not null)
            {
                if (!_rest.Read(out var row)) break;
                Map(row, batch);
                continue;
            }
            if (!NextLine(out int start, out int length)) break;
            long lineStart = _bufferOffset + start;
            long number = _line++;
            if (!Line(_buffer.AsSpan(start, length), number, batch)) Continue(lineStart, number);
        }
        return batch.Read > 0;
    }

    public void Dispose()
    {
        _rest?.Dispose();
        _file.Dispose();
    }

    // The next line (without its LF) in the buffer, reading more of the file as needed.
    private bool NextLine(out int start, out int length)
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_pos, _have - _pos).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                start = _pos;
                length = nl;
                _pos += nl + 1;
                return true;
            }
            if (_eof)
            {
                start = _pos;
                length = _have - _pos;
                _pos = _have;
                return length > 0;
            }
            // Keep the incomplete line, read after it (a line longer than the buffer grows it).
            int keep = _have - _pos;
            if (keep == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            else if (_pos > 0) _buffer.AsSpan(_pos, keep).CopyTo(_buffer);
            _bufferOffset += _pos;
            _pos = 0;
            _have = keep;
            int read = _file.ReadAtLeast(_buffer.AsSpan(_have), _buffer.Length - _have, throwOnEndOfStream: false);
            _have += read;
            _eof = _have < _buffer.Length;
        }
    }

    // From this line on, the table reader reads the file.
    private void Continue(long offset, long line)
    {
        var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan) { Position = offset };
        try
        {
            _rest = new DelimitedTableReader(_path, stream, _encoding, (char)_delimiter, line);
            _restOffset = offset;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    // One line; false when the table reader must take over from it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Line(ReadOnlySpan<byte> line, long number, DirectBatch batch)
    {
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        if (line.IsEmpty) return true; // a blank line: the reader skips it
        bool plain = line.IndexOfAny(_special) < 0;
        if (!plain && (line.IndexOfAny((byte)'"', (byte)'\r') >= 0 || !Utf8.IsValid(line))) return false;
        int n = FieldBytes.Split(line, _delimiter, _starts, _ends);
        if (n != _columns.Count || (!plain && HasControl(line)) || !TryFast(line, plain, number, batch.Rows))
            Slow(line, number, batch);
        return true;
    }

    private bool HasControl(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
            if (b < 0x20 && b != _delimiter) return true;
        return false;
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int column) =>
        column < 0 ? default : FieldBytes.TrimSpaces(line[_starts[column].._ends[column]]);

    // The row straight into the batch, or false when a field is not in a form parsed here (the mapper then reads it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFast(ReadOnlySpan<byte> line, bool plain, long number, OrderRows rows)
    {
        var c = _columns;
        var key = Field(line, c.OrderId);
        var customer = Field(line, c.Customer);
        var category = Field(line, c.Category);
        var channel = Field(line, c.Channel);
        if (key.IsEmpty || customer.IsEmpty) return false;
        if (!plain && (FieldBytes.HasWideSpaceAtEdge(key) || FieldBytes.HasWideSpaceAtEdge(customer)
            || FieldBytes.HasWideSpaceAtEdge(category) || FieldBytes.HasWideSpaceAtEdge(channel)))
            return false;
        if (!FieldBytes.TryParseIsoDate(Field(line, c.Date), out int day) || day > _today.DayNumber) return false;
        if (!TryMoney(Field(line, c.Amount), false, out decimal amount)) return false;
        decimal? profit = null, cost = null, quantity = null;
        var text = Field(line, c.Profit);
        if (!text.IsEmpty)
        {
            if (!TryMoney(text, true, out decimal p)) return false;
            profit = p;
        }
        text = Field(line, c.Cost);
        if (!text.IsEmpty)
        {
            if (!TryMoney(text, false, out decimal v)) return false;
            cost = v;
        }
        text = Field(line, c.Quantity);
        if (!text.IsEmpty)
        {
            if (!TryMoney(text, false, out decimal q)) return false;
            quantity = q;
        }
        // As the mapper: profit when given, else amount − cost (in decimal arithmetic, same value and scale).
        rows.Add(number, key, customer, DateOnly.FromDayNumber(day), amount, profit ?? amount - cost, category, channel, quantity);
        return true;
    }

    // A plain decimal as the mapper's parser reads it: same digits, scale and sign.
    private static bool TryMoney(ReadOnlySpan<byte> text, bool allowNegative, out decimal value)
    {
        value = 0;
        if (!FieldBytes.TryParseMoney(text, allowNegative, out var money)) return false;
        ulong digits = (ulong)(money.Negative ? -money.Mantissa : money.Mantissa);
        value = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, money.Negative, (byte)money.Scale);
        return true;
    }

    // The line as the table reader splits it (no quote, no lone CR here), mapped.
    private void Slow(ReadOnlySpan<byte> line, long number, DirectBatch batch)
    {
        string[] fields = Encoding.UTF8.GetString(line).Split((char)_delimiter);
        if (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0])) return; // a blank line to the reader
        Map(new TableRow(number, fields), batch);
    }

    private void Map(in TableRow row, DirectBatch batch)
    {
        if (_mapper.TryMap(row, out object? record, out var reject)) batch.Rows.Add((Order)record!, row.Line);
        else batch.Rejects.Add(reject!);
    }

    // Bytes after which a line is not plain: controls but the delimiter, the quote, anything beyond ASCII.
    private static SearchValues<byte> Special(byte delimiter)
    {
        var bytes = new List<byte>();
        for (int b = 0; b < 256; b++)
        {
            bool plain = b is >= 0x20 and <= 0x7E and not '"' || b == delimiter;
            if (!plain) bytes.Add((byte)b);
        }
        return SearchValues.Create([.. bytes]);
    }
}
