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

    /// <summary>Largest accepted upload (imports), bytes.</summary>
    public long MaxUploadBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest accepted JSON body, bytes.</summary>
    public long MaxJsonBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest page a list endpoint returns.</summary>
    public int MaxPageSize { get; init; } = 500;

    /// <summary>The local time the daily job (reclaim, plan, alerts) runs at; null when the server does not run it.</summary>
    public TimeOnly? DailyAt { get; init; }

    /// <summary>The maintenance rules file the daily job uses.</summary>
    public string RulesPath { get; init; } = "allot.rules.json";

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
        string rules = section["Rules"] is { Length: > 0 } r ? r
            : Environment.GetEnvironmentVariable("ALLOT_RULES") is { Length: > 0 } envRules ? envRules
            : Storage.Maintenance.DailyRun.DefaultRulesPath(db);
        // Allot:DailyAt = HH:mm, or "off"; by default 06:00 (the job itself refuses to run without a rules file).
        string dailyText = section["DailyAt"] is { Length: > 0 } at ? at : "06:00";
        TimeOnly? daily = dailyText.Equals("off", StringComparison.OrdinalIgnoreCase) ? null
            : TimeOnly.TryParseExact(dailyText, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t
            : throw new ArgumentException($"Allot:DailyAt: expected HH:mm (24-hour) or off, not '{dailyText}'");
        return new ServerSettings { Db = db, WebRoot = webRoot, DailyAt = daily, RulesPath = rules };
    }

    /// <summary>The store location fit for logs (no password).</summary>
    public string DbDescription => StoreFactory.Describe(Db);
}
