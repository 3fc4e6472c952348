namespace Allot.Storage.Sqlite;

/// <summary>A query ordered by a text key (its first column), read alongside another one ordered the same way: a
/// merge join in memory, which reads each table once in order instead of probing an index per row.</summary>
/// <remarks>Keys are compared as UTF-8 bytes, which is SQLite's BINARY collation, so the two orders agree for every key.</remarks>
internal sealed class KeyCursor(RawStatement statement) : IDisposable
{
    private byte[] _key = new byte[64];
    private int _length = -1;
    private bool _done;

    /// <summary>Moves to the row whose key equals <paramref name="key"/>; false when there is none (the cursor then
    /// stands on the first row past it, or at the end).</summary>
    public bool Seek(ReadOnlySpan<byte> key)
    {
        while (!_done)
        {
            if (_length < 0 && !Next()) return false;
            int c = _key.AsSpan(0, _length).SequenceCompareTo(key);
            if (c == 0) return true;
            if (c > 0) return false;
            _length = -1;
        }
        return false;
    }

    /// <summary>The current row's statement, for reading its other columns after a successful <see cref="Seek"/>.</summary>
    public RawStatement Row => statement;

    private bool Next()
    {
        if (!statement.Step())
        {
            _done = true;
            return false;
        }
        var bytes = statement.ColumnBytes(0);
        if (bytes.Length > _key.Length) _key = new byte[bytes.Length * 2];
        bytes.CopyTo(_key);
        _length = bytes.Length;
        return true;
    }

    public void Dispose() => statement.Dispose();
}
