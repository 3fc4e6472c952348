using Allot.Storage;

namespace Allot.Server;

/// <summary>The server's settings, from configuration (section <c>Allot</c>: command line <c>--Allot:Db=…</c>,
/// environment <c>Allot__Db</c>, appsettings) with <c>ALLOT_DB</c> as the CLI's fallback.</summary>
public sealed record ServerSettings
{
    /// <summary>The store: a SQLite file or a PostgreSQL URL.</summary>
    public required string Db { get; init; }

    /// <summary>Where the web UI's files are.</summary>
    public required string WebRoot { get; init; }

    /// <summary>The pool's rules file (<c>Allot:Rules</c>, else <c>ALLOT_RULES</c>, else <c>&lt;store&gt;.rules.json</c>
    /// beside a SQLite store, as the CLI finds it); null or missing: the built-in defaults.</summary>
    public string? Rules { get; init; }

    /// <summary>Largest accepted upload (imports), bytes.</summary>
    public long MaxUploadBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest accepted JSON body, bytes.</summary>
    public long MaxJsonBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest page a list endpoint returns.</summary>
    public int MaxPageSize { get; init; } = 500;

    /// <summary>Failed logins per name and address before further attempts wait.</summary>
    public int MaxFailedLogins { get; init; } = 5;

    /// <summary>How long failed logins are remembered.</summary>
    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Reads the settings from configuration.</summary>
    public static ServerSettings From(IConfiguration config)
    {
        var section = config.GetSection("Allot");
        string db = section["Db"] is { Length: > 0 } d ? d
            : Environment.GetEnvironmentVariable("ALLOT_DB") is { Length: > 0 } env ? env
            : "allot.db";
        string webRoot = section["WebRoot"] is { Length: > 0 } w ? w : Path.Combine(AppContext.BaseDirectory, "wwwroot");
        string? rules = section["Rules"] is { Length: > 0 } r ? r
            : Environment.GetEnvironmentVariable("ALLOT_RULES") is { Length: > 0 } envRules ? envRules
            : StoreFactory.IsServer(db) ? null
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", Path.GetFileNameWithoutExtension(db) + ".rules.json");
        return new ServerSettings { Db = db, WebRoot = webRoot, Rules = rules };
    }

    /// <summary>The store location fit for logs (no password).</summary>
    public string DbDescription => StoreFactory.Describe(Db);
}
