using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>Where a PostgreSQL store lives: parsed from a <c>postgres://</c> URL or an Npgsql key=value
/// connection string, with a description that never shows the password.</summary>
/// <remarks>
/// URL form: <c>postgres[ql]://user[:password]@host[:port]/database[?schema=NAME&amp;sslmode=MODE&amp;timeout=S]</c>.
/// User and password may be percent-encoded. Without a password Npgsql falls back to <c>PGPASSWORD</c> or
/// <c>~/.pgpass</c>, as libpq does. <c>schema</c> puts the store in its own schema (created when the store is
/// created), so one database can hold several stores.
/// </remarks>
public sealed partial class PostgresLocation
{
    private static readonly string[] KnownOptions = ["schema", "sslmode", "timeout", "connect_timeout", "application_name"];

    private PostgresLocation(NpgsqlConnectionStringBuilder builder, string? schema)
    {
        Schema = schema;
        ServerText = $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        var url = $"postgres://{(string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@")}{builder.Host}"
            + $":{builder.Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(builder.Database ?? "")}";
        Description = schema is null ? url : $"{url}?schema={schema}";
        // Long statements (an import's index build, indicators over millions of orders) must not hit Npgsql's
        // 30-second default; a dead server is found by TCP keepalives instead.
        builder.CommandTimeout = 0;
        if (builder.KeepAlive == 0) builder.KeepAlive = 30;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "allot";
        if (schema is not null) builder.SearchPath = schema;
        ConnectionString = builder.ConnectionString;
        Database = builder.Database ?? "";
        User = builder.Username ?? "";
    }

    /// <summary>The connection string (with the password): for the driver only, never for messages.</summary>
    internal string ConnectionString { get; }

    /// <summary>The store as a URL without password, for messages and <see cref="IStore.Location"/>.</summary>
    public string Description { get; }

    /// <summary>host:port.</summary>
    public string ServerText { get; }

    /// <summary>The database name.</summary>
    public string Database { get; }

    /// <summary>The user name.</summary>
    public string User { get; }

    /// <summary>The schema holding the store, or null for the connection's default search path.</summary>
    public string? Schema { get; }

    /// <summary>True for text that names a PostgreSQL store: a postgres:// or postgresql:// URL, or a key=value
    /// connection string with a Host.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || ConnectionStringHost().IsMatch(db);

    /// <summary>Parses a URL or connection string.</summary>
    /// <exception cref="StoreException">It cannot be parsed, or names an unknown option.</exception>
    public static PostgresLocation Parse(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Contains("://", StringComparison.Ordinal) ? ParseUrl(db) : ParseConnectionString(db);
    }

    /// <summary>The same server and database with another schema (tests and the demo use a schema of their own).</summary>
    public PostgresLocation WithSchema(string schema)
    {
        CheckSchemaName(schema);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = null };
        return new PostgresLocation(builder, schema);
    }

    private static PostgresLocation ParseUrl(string db)
    {
        if (!Uri.TryCreate(db, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new StoreException("cannot read the PostgreSQL URL; expected postgres://user:password@host:port/database");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.DnsSafeHost) ? "localhost" : uri.DnsSafeHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0) throw new StoreException("the PostgreSQL URL names no database: postgres://user@host/DATABASE");
        builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            int colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        string? schema = null;
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            string value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (name)
            {
                case "schema":
                    CheckSchemaName(value);
                    schema = value;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode) ? mode
                        : throw new StoreException($"unknown sslmode '{value}' in the PostgreSQL URL (disable, allow, prefer, require, verify-ca, verify-full)");
                    break;
                case "timeout" or "connect_timeout":
                    builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) ? seconds
                        : throw new StoreException($"the URL's {name} must be a whole number of seconds, not '{value}'");
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                default:
                    throw new StoreException($"unknown option '{name}' in the PostgreSQL URL (known: {string.Join(", ", KnownOptions)})");
            }
        }
        return new PostgresLocation(builder, schema);
    }

    private static PostgresLocation ParseConnectionString(string db)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(db);
        }
        catch (ArgumentException e)
        {
            // The driver's message may quote the text, password included: say only what is wrong in general.
            throw new StoreException("cannot read the PostgreSQL connection string (expected Host=…;Database=…;Username=…)", new InvalidOperationException(e.GetType().Name));
        }
        if (string.IsNullOrEmpty(builder.Database)) throw new StoreException("the PostgreSQL connection string names no Database");
        string? schema = builder.SearchPath;
        if (schema is not null) CheckSchemaName(schema);
        return new PostgresLocation(builder, schema);
    }

    private static void CheckSchemaName(string schema)
    {
        if (!SchemaName().IsMatch(schema))
            throw new StoreException($"schema name '{schema}' is not allowed: use lower-case letters, digits and '_', starting with a letter or '_'");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringHost();
}
