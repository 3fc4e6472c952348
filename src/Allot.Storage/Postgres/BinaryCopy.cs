using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>Rows into a table through <c>COPY … FROM STDIN (FORMAT BINARY)</c>, encoded here straight into a
/// buffer: PostgreSQL's binary copy format is a header, then per row a field count and per field a length
/// (−1 for NULL) and the value's bytes, big-endian, then a trailer.</summary>
/// <remarks>Npgsql's <see cref="NpgsqlBinaryImporter"/> writes the same bytes but through a parameter object
/// per value; on imports of millions of rows that cost as much client time as all the parsing (measured with
/// perf), so the hot path encodes directly. Only the types the schema uses: text, bigint, double precision.</remarks>
internal sealed class BinaryCopy : IDisposable
{
    // "PGCOPY\n\377\r\n\0", then flags (0) and the length of a header extension (0), both 32-bit.
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _used;
    private bool _done;

    /// <summary>Starts the copy.</summary>
    /// <param name="connection">The open connection (its transaction, if any, holds the rows).</param>
    /// <param name="table">The table, optionally with a column list: <c>orders (key, amount)</c>.</param>
    public BinaryCopy(NpgsqlConnection connection, string table)
    {
        _stream = connection.BeginRawBinaryCopy($"COPY {table} FROM STDIN (FORMAT BINARY)");
        Header.CopyTo(_buffer, 0);
        _used = Header.Length;
    }

    /// <summary>Starts a row of <paramref name="fields"/> values.</summary>
    public void StartRow(int fields)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), (short)fields);
        _used += 2;
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        int n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), n);
        _used += 4 + n;
    }

    /// <summary>Text already encoded as UTF-8; empty for NULL (an import's empty text is none).</summary>
    public void Utf8OrNull(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            Null();
            return;
        }
        Reserve(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value.Length);
        value.CopyTo(_buffer.AsSpan(_used + 4));
        _used += 4 + value.Length;
    }

    /// <summary>A date as the store keeps it: ISO text.</summary>
    public void Date(DateOnly? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Reserve(4 + 10);
        // yyyy-MM-dd written digit by digit: a custom format string is parsed again on every call.
        var (year, month, day) = value.Value;
        var text = _buffer.AsSpan(_used + 4, 10);
        text[0] = (byte)('0' + year / 1000);
        text[1] = (byte)('0' + year / 100 % 10);
        text[2] = (byte)('0' + year / 10 % 10);
        text[3] = (byte)('0' + year % 10);
        text[4] = (byte)'-';
        text[5] = (byte)('0' + month / 10);
        text[6] = (byte)('0' + month % 10);
        text[7] = (byte)'-';
        text[8] = (byte)('0' + day / 10);
        text[9] = (byte)('0' + day % 10);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 10);
        _used += 4 + 10;
    }

    public void Int64(long? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used + 4), value.Value);
        _used += 12;
    }

    public void Double(double? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_used + 4), value.Value);
        _used += 12;
    }

    /// <summary>Money as the store keeps it: an integer count of 1/10,000 units.</summary>
    public void Money(decimal? value) => Int64(value is null ? null : StoredMoney.ToStored(value.Value));

    /// <summary>Ends the copy; the rows are in the table (within the transaction) once this returns.</summary>
    public void Complete()
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        Flush();
        _done = true;
        _stream.Dispose();
    }

    /// <summary>Cancels the copy unless it was completed: none of its rows are kept.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try { _stream.Cancel(); }
        catch (Exception e) when (PostgresErrors.Handles(e)) { }
        _stream.Dispose();
    }

    private void Null()
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), -1);
        _used += 4;
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes <= _buffer.Length) return;
        Flush();
        if (bytes > _buffer.Length) _buffer = new byte[bytes];
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
