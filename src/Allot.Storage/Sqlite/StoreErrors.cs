using SQLitePCL;

namespace Allot.Storage.Sqlite;

/// <summary>Turns SQLite result codes into messages a user can act on; the SQL goes to the inner exception
/// (shown with --verbose), not into the one-line message.</summary>
internal static class StoreErrors
{
    public static StoreException From(int rc, string message, string? sql)
    {
        var detail = new InvalidOperationException($"SQLite error {rc}: {message}" + (sql is null ? "" : $" in: {sql}"));
        return (rc & 0xFF) switch
        {
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => new StoreException("the store is busy: another process is writing to it; try again when it has finished", detail),
            raw.SQLITE_FULL => new StoreException("the disk is full; nothing was written", detail),
            raw.SQLITE_READONLY or raw.SQLITE_CANTOPEN => new StoreException($"the store cannot be written: {message}", detail),
            raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT => new StoreException("the file is not an Allot store (not a SQLite database, or damaged)", detail),
            _ => new StoreException($"store error: {message}", detail),
        };
    }
}
