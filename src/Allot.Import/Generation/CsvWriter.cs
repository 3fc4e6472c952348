using System.Text;

namespace Allot.Import.Generation;

/// <summary>Writes RFC 4180 CSV as UTF-8 (no BOM, LF line ends) into a large buffer, formatting numbers
/// and dates straight into bytes.</summary>
/// <remarks>Tens of millions of rows go through here, so nothing per field allocates: numbers use
/// <c>TryFormat</c> into the buffer and fixed vocabulary is encoded once with <see cref="Encode"/>.</remarks>
internal sealed class CsvWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _position;
    private bool _rowStarted;

    /// <summary>Creates (or truncates) the file and writes the header row.</summary>
    public CsvWriter(string path, string header)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        WriteRaw(Utf8.GetBytes(header));
        EndRow();
    }

    /// <summary>Bytes written so far, including what is still buffered.</summary>
    public long BytesWritten => _stream.Position + _position;

    /// <summary>Pre-encodes a value as a complete field, quoted if it needs to be.</summary>
    public static byte[] Encode(string value)
    {
        if (!NeedsQuotes(value))
            return Utf8.GetBytes(value);
        return Utf8.GetBytes("\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
    }

    /// <summary>Writes a field that was pre-encoded by <see cref="Encode"/>.</summary>
    public void Field(ReadOnlySpan<byte> encoded)
    {
        Separate(encoded.Length);
        WriteRaw(encoded);
    }

    /// <summary>Writes a text field, quoting it only when it must be.</summary>
    public void Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Separate(0);
            return;
        }

        if (NeedsQuotes(value))
        {
            Field(Encode(value));
            return;
        }

        var max = Utf8.GetMaxByteCount(value.Length);
        Separate(max);
        if (max > BufferSize - _position)
        {
            WriteRaw(Utf8.GetBytes(value));
            return;
        }

        _position += Utf8.GetBytes(value, _buffer.AsSpan(_position));
    }

    /// <summary>Writes an empty field.</summary>
    public void Empty() => Separate(0);

    /// <summary>Writes an integer field.</summary>
    public void Field(long value)
    {
        Separate(20);
        value.TryFormat(_buffer.AsSpan(_position), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Writes an identifier: a prefix and a zero-padded number, e.g. C0000042.</summary>
    public void Id(ReadOnlySpan<byte> prefix, long number, int width)
    {
        Separate(prefix.Length + 20 + width);
        prefix.CopyTo(_buffer.AsSpan(_position));
        _position += prefix.Length;
        var digits = CountDigits(number);
        for (var i = digits; i < width; i++)
            _buffer[_position++] = (byte)'0';
        number.TryFormat(_buffer.AsSpan(_position), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Writes an amount given in cents with exactly two decimals, e.g. -12.05.</summary>
    public void Money(long cents)
    {
        Separate(24);
        var span = _buffer.AsSpan(_position);
        var at = 0;
        if (cents < 0)
        {
            span[at++] = (byte)'-';
            cents = -cents;
        }

        (cents / 100).TryFormat(span[at..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        at += written;
        var fraction = (int)(cents % 100);
        span[at++] = (byte)'.';
        span[at++] = (byte)('0' + fraction / 10);
        span[at++] = (byte)('0' + fraction % 10);
        _position += at;
    }

    /// <summary>Writes a date as yyyy-MM-dd, given as a <see cref="DateOnly.DayNumber"/>.</summary>
    public void Date(int dayNumber)
    {
        Separate(10);
        var (year, month, day) = DateOnly.FromDayNumber(dayNumber);
        var span = _buffer.AsSpan(_position, 10);
        span[0] = (byte)('0' + year / 1000);
        span[1] = (byte)('0' + year / 100 % 10);
        span[2] = (byte)('0' + year / 10 % 10);
        span[3] = (byte)('0' + year % 10);
        span[4] = (byte)'-';
        span[5] = (byte)('0' + month / 10);
        span[6] = (byte)('0' + month % 10);
        span[7] = (byte)'-';
        span[8] = (byte)('0' + day / 10);
        span[9] = (byte)('0' + day % 10);
        _position += 10;
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        Reserve(1);
        _buffer[_position++] = (byte)'\n';
        _rowStarted = false;
    }

    /// <summary>Flushes the buffer and closes the file.</summary>
    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private static bool NeedsQuotes(string value) =>
        value.Length > 0
        && (value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            // Readers commonly trim unquoted fields; quoting keeps deliberate edge spaces (duplicate-looking names).
            || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));

    private static int CountDigits(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private void Separate(int room)
    {
        Reserve(room + 1);
        if (_rowStarted)
            _buffer[_position++] = (byte)',';
        _rowStarted = true;
    }

    private void Reserve(int bytes)
    {
        if (bytes > BufferSize - _position)
            Flush();
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BufferSize - _position)
        {
            Flush();
            if (bytes.Length > BufferSize)
            {
                _stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _position);
        _position = 0;
    }
}
