using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Allot.Storage.Migrations;

/// <summary>Applies the numbered SQL scripts embedded in this assembly (<c>NNN_name.sql</c>) in order.</summary>
/// <remarks>Each script runs in its own transaction together with its row in <c>schema_migrations</c>, so a
/// store is always at a whole version. A store newer than this program is refused rather than guessed at. The
/// scripts are written once, in the portable subset both engines share (see the project's README); a server
/// store passes a translation (<see cref="PostgresDialect.Translate"/>).</remarks>
public static class Migrator
{
    private const string Prefix = "Allot.Storage.Migrations.";

    /// <summary>The scripts, by version.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>The newest version this program knows.</summary>
    public static int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Brings the schema up to date; returns the version reached.</summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="clock">Gives the time recorded with each script.</param>
    /// <param name="dialect">Translates portable SQL for the engine (null: SQLite, which runs it as written).</param>
    public static int Migrate(DbConnection connection, TimeProvider clock, Func<string, string>? dialect = null)
    {
        dialect ??= sql => sql;
        Execute(connection, null, dialect("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL)
            """));
        int current = CurrentVersion(connection);
        if (current > LatestVersion)
            throw new StoreException($"the store is at schema version {current}, newer than this program's {LatestVersion}; upgrade Allot");
        foreach (var (version, name, sql) in Scripts)
        {
            if (version <= current) continue;
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, dialect(sql));
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)";
            AddParameter(record, "@v", (long)version);
            AddParameter(record, "@n", name);
            AddParameter(record, "@t", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            tx.Commit();
            current = version;
        }
        return current;
    }

    private static int CurrentVersion(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static List<(int, string, string)> LoadScripts()
    {
        var assembly = typeof(Migrator).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            string file = resource[Prefix.Length..^4];
            int underscore = file.IndexOf('_', StringComparison.Ordinal);
            int version = int.Parse(file[..underscore], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, file[(underscore + 1)..], reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (int i = 1; i < scripts.Count; i++)
            if (scripts[i].Item1 == scripts[i - 1].Item1)
                throw new InvalidOperationException($"two migrations numbered {scripts[i].Item1}");
        return scripts;
    }
}
