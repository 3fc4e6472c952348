using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>A first load into an empty table, done the way PostgreSQL loads fastest: its indexes (primary key
/// and unique constraints included) are dropped, the rows copied, and the indexes built again at the end by
/// sorting, which costs about half of maintaining them row by row.</summary>
/// <remarks>
/// <para>Everything happens in the import's transaction: a rollback brings the indexes back untouched. While
/// the load runs the table is locked exclusively, so readers of that table wait for the import to commit
/// (they would have found it empty). Tables that another table's foreign key refers to are never loaded this
/// way.</para>
/// <para>Without its unique index the table cannot refuse a repeated key, so the session only stays in this
/// mode while the file's fingerprints (<see cref="FileKeys"/>) say no key repeats; at the first possible
/// repeat it calls <see cref="Finish"/> and goes on the ordinary way.</para>
/// </remarks>
internal sealed class BulkLoad
{
    private readonly NpgsqlConnection _c;
    private readonly string _table;
    private readonly List<string> _rebuild;

    private BulkLoad(NpgsqlConnection c, string table, List<string> rebuild)
    {
        _c = c;
        _table = table;
        _rebuild = rebuild;
    }

    /// <summary>Drops the table's indexes, remembering how to build them; null when the table cannot be loaded
    /// this way (another table refers to it).</summary>
    public static BulkLoad? Start(NpgsqlConnection c, string table)
    {
        using (var referenced = PostgresStore.Command(c, "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = @t::regclass)", ("t", table)))
            if ((bool)referenced.ExecuteScalar()!) return null;
        var drop = new List<string>();
        var rebuild = new List<string>();
        using (var q = PostgresStore.Command(c, """
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = @t::regclass AND contype IN ('p', 'u') ORDER BY contype, conname
            """, ("t", table)))
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                drop.Add($"ALTER TABLE {table} DROP CONSTRAINT {r.GetString(0)}");
                rebuild.Add($"ALTER TABLE {table} ADD CONSTRAINT {r.GetString(0)} {r.GetString(1)}");
            }
        }
        using (var q = PostgresStore.Command(c, """
            SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index
            WHERE indrelid = @t::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid) ORDER BY 1
            """, ("t", table)))
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                drop.Add($"DROP INDEX {r.GetString(0)}");
                rebuild.Add(r.GetString(1));
            }
        }
        foreach (string sql in drop) PostgresStore.Exec(c, sql);
        return new BulkLoad(c, table, rebuild);
    }

    /// <summary>Builds the indexes again and refreshes the planner's statistics of the table.</summary>
    public void Finish()
    {
        // Sorting in memory rather than on disk; the setting ends with the transaction.
        PostgresStore.Exec(_c, "SET LOCAL maintenance_work_mem = '512MB'");
        foreach (string sql in _rebuild) PostgresStore.Exec(_c, sql);
        PostgresStore.Exec(_c, $"ANALYZE {_table}");
    }
}
