using Allot.Storage.Postgres;
using Allot.Storage.Sqlite;

namespace Allot.Storage;

/// <summary>Opens the store a location names: a PostgreSQL URL (<c>postgres://…</c>, <c>postgresql://…</c>) or
/// key=value connection string (<c>Host=…;Database=…</c>) gives the server store; anything else is a SQLite file.</summary>
public static class StoreFactory
{
    /// <summary>True when the location names a PostgreSQL store.</summary>
    public static bool IsServer(string db) => PostgresLocation.IsPostgres(db);

    /// <summary>Opens (and, when <paramref name="create"/> is true, creates) the store, migrating it.</summary>
    /// <exception cref="StoreException">The store is missing (and not to be created), unreachable, or not an Allot store.</exception>
    public static IStore Open(string db, bool create, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IsServer(db) ? PostgresStore.Open(db, create, clock) : SqliteStore.Open(db, create, clock);
    }

    /// <summary>Opens a store this process has opened (and migrated) with <see cref="Open"/> already, cheaply: a pooled
    /// SQLite connection without the migration check (the server opens the store once per request).</summary>
    /// <exception cref="StoreException">The store is missing or unreachable.</exception>
    public static IStore OpenMigrated(string db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IsServer(db) ? PostgresStore.Open(db, create: false, clock) : SqliteStore.OpenMigrated(db, clock);
    }

    /// <summary>Opens an empty store in place of whatever was there (the demo's): a SQLite file is deleted first;
    /// on PostgreSQL the store's schema (the URL's <c>?schema=</c>, else <paramref name="defaultSchema"/>) is
    /// dropped with everything in it, unless it holds tables that are not an Allot store's.</summary>
    public static IStore Replace(string db, string defaultSchema, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (IsServer(db))
        {
            var where = PostgresLocation.Parse(db);
            where = where.WithSchema(where.Schema ?? defaultSchema);
            PostgresStore.DropSchema(where);
            return PostgresStore.Open(where, create: true, clock);
        }
        foreach (string f in new[] { db, db + "-wal", db + "-shm", db + "-journal" })
            if (File.Exists(f)) File.Delete(f);
        return SqliteStore.Open(db, create: true, clock);
    }

    /// <summary>A description of the location fit for messages: the path, or the URL without its password.</summary>
    public static string Describe(string db) => IsServer(db) ? PostgresLocation.Parse(db).Description : db;
}
