using System.Text;

namespace Allot.Import.Reading;

/// <summary>Streams a delimited (CSV/TSV/...) or whitespace-separated text table.</summary>
/// <remarks>Hand-written for speed: it decodes into one char[] buffer and scans it with vectorised
/// <c>IndexOfAny</c>; the only per-row allocations are the field strings and the row array. RFC 4180
/// quoting; CRLF, LF and lone CR line endings, also mixed; no limit on line or field length.</remarks>
internal sealed class DelimitedTableReader : ITableReader
{
    private const int EndDelimiter = 0;
    private const int EndLine = 1;
    private const int EndFile = 2;
    private const int ByteBufferSize = EncodingDetector.SampleSize;
    private const int MinFreeChars = 4096;

    private readonly Stream _stream;
    private readonly DetectedEncoding _encoding;
    private readonly Decoder _decoder;
    private readonly byte[] _bytes = new byte[ByteBufferSize];
    private readonly List<string> _fields = new(16);
    private readonly StringPool _pool = new();
    private readonly char _delimiter;
    private readonly bool _whitespace;
    private readonly string[] _headers;

    private int _bytePos;
    private int _byteLen;
    private long _bytesFromStream;
    private bool _streamEof;
    private bool _decoderDone;

    private char[] _buf;
    private int _pos;
    private int _len;

    // The physical line at the scan position; rows take the value they start on.
    private long _line = 1;

    // Line breaks in every char decoded so far, only to name the line of undecodable bytes.
    private long _decodedLineBreaks;
    private bool _decodedEndsWithCr;
    private bool _lastFieldQuoted;

    /// <summary>Opens the text table; the stream is owned and disposed by the reader.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="stream">The open file.</param>
    /// <param name="options">Overrides for detection.</param>
    public DelimitedTableReader(string path, Stream stream, TableReadOptions options)
    {
        Path = path;
        _stream = stream;
        Length = stream.CanSeek ? stream.Length : -1;

        _byteLen = stream.ReadAtLeast(_bytes, _bytes.Length, throwOnEndOfStream: false);
        _bytesFromStream = _byteLen;
        if (_byteLen == 0)
        {
            throw new ImportFileException(path, "file is empty");
        }
        var sample = _bytes.AsSpan(0, _byteLen);
        var wholeFile = _byteLen < _bytes.Length;
        _encoding = options.Encoding is { } chosen
            ? EncodingDetector.FromOption(chosen, sample)
            : EncodingDetector.Detect(sample, wholeFile);
        _bytePos = _encoding.PreambleLength;
        _decoder = _encoding.Encoding.GetDecoder();
        _buf = new char[Math.Max(MinFreeChars * 2, _encoding.Encoding.GetMaxCharCount(ByteBufferSize))];

        // Decode the sample once and sniff the layout from it in place; parsing then starts at char 0.
        ReadMore();
        if (_len > 0 && _buf[0] == '\uFEFF')
        {
            _pos = 1; // a BOM the caller's encoding did not declare, or a doubled one
        }
        var layout = Layout(options, _buf.AsSpan(_pos, _len - _pos), _decoderDone);
        _delimiter = layout.Delimiter;
        _whitespace = layout.Whitespace;
        Description = $"{_encoding.Name}{(_encoding.HasBom ? " with BOM" : "")}, {layout.Describe()}";

        if (!options.HasHeader)
        {
            _headers = [];
            return;
        }
        if (!ReadRecord(out _))
        {
            throw new ImportFileException(path, "file is empty (no header row, only blank lines)");
        }
        _headers = new string[_fields.Count];
        for (var i = 0; i < _headers.Length; i++)
        {
            _headers[i] = _fields[i].Trim('\uFEFF').Trim();
        }
    }

    /// <summary>Reads the rest of a file from a line start on, as the reader that began the file would have read it
    /// from there: no byte-order mark or header is looked for, and lines (in rows and in messages) are numbered from
    /// <paramref name="firstLine"/>.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="stream">The file, positioned at the line start; owned and disposed by the reader.</param>
    /// <param name="encoding">The file's encoding, as the first reader detected it.</param>
    /// <param name="delimiter">The file's delimiter.</param>
    /// <param name="firstLine">The number of the line the stream starts on.</param>
    internal DelimitedTableReader(string path, Stream stream, DetectedEncoding encoding, char delimiter, long firstLine)
    {
        Path = path;
        _stream = stream;
        Length = stream.CanSeek ? stream.Length : -1;
        _byteLen = stream.ReadAtLeast(_bytes, _bytes.Length, throwOnEndOfStream: false);
        _bytesFromStream = _byteLen;
        _encoding = encoding;
        _decoder = _encoding.Encoding.GetDecoder();
        _buf = new char[Math.Max(MinFreeChars * 2, _encoding.Encoding.GetMaxCharCount(ByteBufferSize))];
        _line = firstLine;
        _decodedLineBreaks = firstLine - 1;
        ReadMore();
        _delimiter = delimiter;
        Description = "";
        _headers = [];
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>The encoding detected (or given), with the length of its byte-order mark.</summary>
    internal DetectedEncoding DetectedEncoding => _encoding;

    /// <summary>The field delimiter (<see cref="TextLayout.NoDelimiter"/> for a single column).</summary>
    internal char Delimiter => _delimiter;

    /// <summary>True when fields are separated by runs of whitespace.</summary>
    internal bool IsWhitespaceSeparated => _whitespace;

    /// <inheritdoc />
    public IReadOnlyList<string> Headers => _headers;

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public long BytesRead => _bytesFromStream - (_byteLen - _bytePos);

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public bool Read(out TableRow row)
    {
        if (!ReadRecord(out var line))
        {
            row = default;
            return false;
        }
        row = new TableRow(line, _fields.ToArray());
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static TextLayout Layout(TableReadOptions options, ReadOnlySpan<char> sample, bool complete)
    {
        if (options.Whitespace == true)
        {
            return TextLayout.WhitespaceSeparated;
        }
        if (options.Delimiter is { } d)
        {
            return new TextLayout(d, false);
        }
        var sniffed = DelimiterSniffer.Sniff(sample, complete);
        // Whitespace = false forbids whitespace mode: fall back to one column.
        return sniffed.Whitespace && options.Whitespace == false ? new TextLayout(TextLayout.NoDelimiter, false) : sniffed;
    }

    /// <summary>Reads the next non-blank record into <see cref="_fields"/>.</summary>
    private bool ReadRecord(out long line)
    {
        while (true)
        {
            _fields.Clear();
            // Skip empty lines.
            while (true)
            {
                if (_pos >= _len)
                {
                    var k = _pos;
                    if (!Fill(ref k))
                    {
                        line = 0;
                        return false;
                    }
                    _pos = k;
                }
                var c = _buf[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                }
                else if (c == '\r')
                {
                    _pos++;
                    _line++;
                    ConsumeLfAfterCr();
                }
                else
                {
                    break;
                }
            }
            line = _line;
            if (_whitespace)
            {
                if (ReadWhitespaceLine())
                {
                    return true;
                }
                continue;
            }

            int end;
            do
            {
                end = ParseField();
            }
            while (end == EndDelimiter);

            // A line of only spaces is blank; a line of only delimiters is a row of empty fields.
            if (_fields.Count == 1 && !_lastFieldQuoted && string.IsNullOrWhiteSpace(_fields[0]))
            {
                continue;
            }
            return true;
        }
    }

    private int ParseField()
    {
        if (_pos >= _len)
        {
            var k = _pos;
            if (!Fill(ref k))
            {
                _fields.Add(string.Empty); // the file ends right after a delimiter
                _lastFieldQuoted = false;
                return EndFile;
            }
            _pos = k;
        }
        if (_buf[_pos] == '"')
        {
            _lastFieldQuoted = true;
            return ParseQuoted();
        }
        _lastFieldQuoted = false;
        return ParseUnquoted();
    }

    private int ParseUnquoted()
    {
        var start = _pos;
        var scan = _pos;
        while (true)
        {
            var idx = _buf.AsSpan(scan, _len - scan).IndexOfAny(_delimiter, '\r', '\n');
            if (idx >= 0)
            {
                var end = scan + idx;
                _fields.Add(_pool.Get(_buf.AsSpan(start, end - start)));
                var c = _buf[end];
                _pos = end + 1;
                if (c == _delimiter)
                {
                    return EndDelimiter;
                }
                _line++;
                if (c == '\r')
                {
                    ConsumeLfAfterCr();
                }
                return EndLine;
            }
            var scanned = _len - start;
            if (!Fill(ref start))
            {
                _fields.Add(_pool.Get(_buf.AsSpan(start, _len - start)));
                _pos = _len;
                return EndFile;
            }
            scan = start + scanned;
        }
    }

    private int ParseQuoted()
    {
        var openLine = _line;
        var column = _fields.Count + 1;
        var start = _pos + 1;
        var scan = start;
        var escaped = false;
        while (true)
        {
            if (scan >= _len)
            {
                var off = scan - start;
                if (!Fill(ref start))
                {
                    throw Unclosed(openLine, column);
                }
                scan = start + off;
            }
            var idx = _buf.AsSpan(scan, _len - scan).IndexOfAny('"', '\r', '\n');
            if (idx < 0)
            {
                scan = _len;
                continue;
            }
            var p = scan + idx;
            var c = _buf[p];
            if (c == '\n')
            {
                _line++;
                scan = p + 1;
                continue;
            }
            if (c == '\r')
            {
                _line++;
                scan = p + 1;
                if (scan >= _len)
                {
                    var off = scan - start;
                    if (!Fill(ref start))
                    {
                        throw Unclosed(openLine, column);
                    }
                    scan = start + off;
                }
                if (_buf[scan] == '\n')
                {
                    scan++;
                }
                continue;
            }

            // A quote: doubled means a literal quote, single means the field is closed.
            if (p + 1 >= _len)
            {
                var off = p - start;
                var more = Fill(ref start);
                p = start + off;
                if (!more)
                {
                    _fields.Add(QuotedValue(start, p, escaped));
                    _pos = p + 1;
                    return EndFile;
                }
            }
            if (_buf[p + 1] == '"')
            {
                escaped = true;
                scan = p + 2;
                continue;
            }
            var value = QuotedValue(start, p, escaped);
            _pos = p + 1;
            var next = _buf[_pos];
            if (next == _delimiter)
            {
                _pos++;
                _fields.Add(value);
                return EndDelimiter;
            }
            if (next == '\r' || next == '\n')
            {
                _pos++;
                _line++;
                _fields.Add(value);
                if (next == '\r')
                {
                    ConsumeLfAfterCr();
                }
                return EndLine;
            }
            // Lenient: text between the closing quote and the delimiter ("abc"x) is kept, appended.
            var end = ParseUnquoted();
            _fields[^1] = value + _fields[^1];
            _lastFieldQuoted = true;
            return end;
        }
    }

    private string QuotedValue(int start, int end, bool escaped)
    {
        if (end == start)
        {
            return string.Empty;
        }
        var s = escaped ? new string(_buf, start, end - start) : _pool.Get(_buf.AsSpan(start, end - start));
        return escaped ? s.Replace("\"\"", "\"", StringComparison.Ordinal) : s;
    }

    /// <summary>Reads one whitespace-separated line; false when it held no fields (blank).</summary>
    private bool ReadWhitespaceLine()
    {
        var start = _pos;
        var scan = _pos;
        int end;
        char terminator;
        while (true)
        {
            var idx = _buf.AsSpan(scan, _len - scan).IndexOfAny('\r', '\n');
            if (idx >= 0)
            {
                end = scan + idx;
                terminator = _buf[end];
                break;
            }
            var scanned = _len - start;
            if (!Fill(ref start))
            {
                end = _len;
                terminator = '\0';
                break;
            }
            scan = start + scanned;
        }

        // Split before consuming the line break: consuming may refill the buffer and move the line.
        var i = start;
        while (i < end)
        {
            var c = _buf[i];
            if (c == ' ' || c == '\t')
            {
                i++;
                continue;
            }
            var f = i;
            while (i < end && _buf[i] != ' ' && _buf[i] != '\t')
            {
                i++;
            }
            _fields.Add(_pool.Get(_buf.AsSpan(f, i - f)));
        }

        _pos = terminator == '\0' ? end : end + 1;
        if (terminator != '\0')
        {
            _line++;
            if (terminator == '\r')
            {
                ConsumeLfAfterCr();
            }
        }
        return _fields.Count > 0;
    }

    private void ConsumeLfAfterCr()
    {
        if (_pos >= _len)
        {
            var k = _pos;
            if (!Fill(ref k))
            {
                return;
            }
            _pos = k;
        }
        if (_buf[_pos] == '\n')
        {
            _pos++;
        }
    }

    /// <summary>Moves the chars from <paramref name="keep"/> on to the buffer start (setting
    /// <paramref name="keep"/> to 0) and decodes more after them. False at the end of the file.</summary>
    private bool Fill(ref int keep)
    {
        if (keep > 0)
        {
            var tail = _len - keep;
            if (tail > 0)
            {
                Array.Copy(_buf, keep, _buf, 0, tail);
            }
            _len = tail;
            keep = 0;
        }
        return ReadMore();
    }

    /// <summary>Decodes more bytes into the buffer after <see cref="_len"/>. False when nothing is left.</summary>
    private bool ReadMore()
    {
        if (_buf.Length - _len < Math.Max(MinFreeChars, _buf.Length / 4))
        {
            // Only a field longer than most of the buffer gets here: grow, there is no length limit.
            Array.Resize(ref _buf, (int)Math.Min(Array.MaxLength, (long)_buf.Length * 2));
        }
        while (!_decoderDone)
        {
            if (_bytePos == _byteLen && !_streamEof)
            {
                _byteLen = _stream.Read(_bytes, 0, _bytes.Length);
                _bytePos = 0;
                _bytesFromStream += _byteLen;
                _streamEof = _byteLen == 0;
            }
            int bytesUsed, charsUsed;
            bool completed;
            try
            {
                _decoder.Convert(_bytes, _bytePos, _byteLen - _bytePos, _buf, _len, _buf.Length - _len,
                    _streamEof, out bytesUsed, out charsUsed, out completed);
            }
            catch (DecoderFallbackException ex)
            {
                throw Undecodable(ex);
            }
            _bytePos += bytesUsed;
            if (_streamEof && completed && _bytePos == _byteLen)
            {
                _decoderDone = true;
            }
            if (charsUsed > 0)
            {
                CountLineBreaks(_buf.AsSpan(_len, charsUsed));
                _len += charsUsed;
                return true;
            }
        }
        return false;
    }

    private void CountLineBreaks(ReadOnlySpan<char> chars)
    {
        // CR LF counts once, also when split between two chunks.
        long breaks = chars.Count('\n');
        var crs = chars.Count('\r');
        if (crs > 0)
        {
            breaks += crs - chars.Count("\r\n".AsSpan());
        }
        if (_decodedEndsWithCr && chars[0] == '\n')
        {
            breaks--;
        }
        _decodedLineBreaks += breaks;
        _decodedEndsWithCr = chars[^1] == '\r';
    }

    private ImportFileException Undecodable(DecoderFallbackException ex)
    {
        // The exception aborts the whole chunk; decode its valid prefix leniently to find the line.
        var prefix = Math.Clamp(ex.Index, 0, _byteLen - _bytePos);
        var lenient = (Encoding)_encoding.Encoding.Clone();
        lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
        var text = lenient.GetString(_bytes, _bytePos, prefix);
        var line = 1 + _decodedLineBreaks;
        var crs = text.AsSpan().Count('\r');
        line += text.AsSpan().Count('\n') + crs - (crs > 0 ? text.AsSpan().Count("\r\n".AsSpan()) : 0);
        if (_decodedEndsWithCr && text.StartsWith('\n'))
        {
            line--;
        }
        var name = _encoding.Name;
        var alternatives = name switch
        {
            "UTF-8" => "gb18030 or windows-1252",
            "GB18030" => "utf-8 or windows-1252",
            _ => "utf-8, gb18030 or windows-1252",
        };
        return new ImportFileException(Path,
            $"line {line}: bytes are not valid {name}; pass --encoding {alternatives}", ex);
    }

    private ImportFileException Unclosed(long line, int column) =>
        new(Path, $"line {line}, column {column}: quoted field is never closed (a '\"' opens it and no closing '\"' follows)");
}
