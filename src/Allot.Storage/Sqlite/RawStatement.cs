using System.Runtime.InteropServices;
using SQLitePCL;

namespace Allot.Storage.Sqlite;

/// <summary>A prepared statement on the raw SQLite API: prepared once, bound and stepped per row.</summary>
/// <remarks>Microsoft.Data.Sqlite's parameter objects cost about three times as much per row as binding
/// directly (PACKAGES.md measured 210k vs 650k rows/s), and imports are the hot path.</remarks>
internal sealed partial class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _stmt), sql);
        _handle = _stmt.DangerousGetHandle();
    }

    /// <summary>The native statement, for the column readers below; valid while <see cref="_stmt"/> lives.</summary>
    private readonly IntPtr _handle;

    private byte[] _utf8 = new byte[256];

    /// <summary>Binds text, encoded into a reused buffer (SQLite copies it), so a row allocates no byte arrays.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, index);
            return;
        }
        if (value.Length == 0)
        {
            // An empty span may pin to a null pointer, which SQLite would store as NULL.
            raw.sqlite3_bind_text(_stmt, index, "");
            return;
        }
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        int n = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
        raw.sqlite3_bind_text(_stmt, index, new ReadOnlySpan<byte>(_utf8, 0, n));
    }

    public void Bind(int index, long? value)
    {
        if (value is null) raw.sqlite3_bind_null(_stmt, index);
        else raw.sqlite3_bind_int64(_stmt, index, value.Value);
    }

    public void Bind(int index, double? value)
    {
        if (value is null) raw.sqlite3_bind_null(_stmt, index);
        else raw.sqlite3_bind_double(_stmt, index, value.Value);
    }

    public void Bind(int index, DateOnly? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, index);
            return;
        }
        Span<byte> iso = stackalloc byte[10];
        value.Value.TryFormat(iso, out int n, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(_stmt, index, iso[..n]);
    }

    public void Bind(int index, decimal? money) => Bind(index, money is null ? null : StoredMoney.ToStored(money.Value));

    /// <summary>Steps once; returns true when a row is available.</summary>
    public bool Step()
    {
        int rc = Native.Available ? Native.Step(_handle) : raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        Check(rc, null);
        return false;
    }

    /// <summary>Runs the statement to completion and resets it; returns the rows it changed.</summary>
    public int Execute()
    {
        while (Step()) { }
        int changes = raw.sqlite3_changes(_db);
        Reset();
        return changes;
    }

    public long ColumnInt64(int index) => Native.Available ? Native.ColumnInt64(_handle, index) : raw.sqlite3_column_int64(_stmt, index);

    /// <summary>The column's bytes (UTF-8 for text; empty for NULL), valid until the next step or reset.</summary>
    /// <remarks>Read straight from the native library the provider loaded (e_sqlite3), without the provider's safe-handle
    /// bookkeeping and GC transition: the jobs read tens of millions of columns, and those calls are short, never block
    /// and never call back. Falls back to the provider where that library cannot be bound.</remarks>
    public unsafe ReadOnlySpan<byte> ColumnBytes(int index)
    {
        if (!Native.Available) return raw.sqlite3_column_blob(_stmt, index);
        IntPtr p = Native.ColumnBlob(_handle, index);
        return p == IntPtr.Zero ? default : new ReadOnlySpan<byte>((void*)p, Native.ColumnBytes(_handle, index));
    }

    public bool ColumnIsNull(int index) =>
        (Native.Available ? Native.ColumnType(_handle, index) : raw.sqlite3_column_type(_stmt, index)) == raw.SQLITE_NULL;

    public string? ColumnText(int index) => ColumnIsNull(index) ? null : raw.sqlite3_column_text(_stmt, index).utf8_to_string();

    public void Reset()
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }

    public void Dispose() => raw.sqlite3_finalize(_stmt);

    private void Check(int rc, string? sql)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE) return;
        throw StoreErrors.From(rc, raw.sqlite3_errmsg(_db).utf8_to_string(), sql);
    }

    private static partial class Native
    {
        private const string Library = "e_sqlite3";

        public static readonly bool Available = Probe();

        // Stepping may wait on a lock or read pages: a normal transition, just without the safe-handle bookkeeping.
        [LibraryImport(Library, EntryPoint = "sqlite3_step")]
        public static partial int Step(IntPtr stmt);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
        [SuppressGCTransition]
        public static partial IntPtr ColumnBlob(IntPtr stmt, int index);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
        [SuppressGCTransition]
        public static partial int ColumnBytes(IntPtr stmt, int index);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
        [SuppressGCTransition]
        public static partial int ColumnType(IntPtr stmt, int index);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
        [SuppressGCTransition]
        public static partial long ColumnInt64(IntPtr stmt, int index);

        [LibraryImport(Library, EntryPoint = "sqlite3_libversion_number")]
        private static partial int LibVersion();

        private static bool Probe()
        {
            try
            {
                return LibVersion() == raw.sqlite3_libversion_number();
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                return false;
            }
        }
    }
}
