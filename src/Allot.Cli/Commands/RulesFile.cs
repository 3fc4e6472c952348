using System.CommandLine;
using System.Globalization;
using Allot.Core.Maintenance;
using Allot.Storage.Maintenance;

namespace Allot.Cli.Commands;

/// <summary>Options and loading shared by the pool, follow-up, alert and daily commands: the rules file, the
/// business day and who acts.</summary>
internal static class RulesFile
{
    public static Option<string?> RulesOption() => new("--rules")
    {
        Description = "Rules file (default: the ALLOT_RULES environment variable, else <store>.rules.json beside the store, "
            + "./allot.rules.json for a PostgreSQL store; see `allot pool init`)",
    };

    public static Option<DateOnly?> TodayOption() => new("--today")
    {
        Description = "Business day to act for, yyyy-MM-dd (default: today's local date); for catching up or replaying a day",
    };

    public static Option<string?> ByOption(string description = "Who acts, recorded with every event (default: the OS user)") =>
        new("--by") { Description = description };

    /// <summary>--rules, else ALLOT_RULES, else &lt;store&gt;.rules.json beside the store (./allot.rules.json for PostgreSQL).</summary>
    public static string PathFor(CliContext ctx, string? given) =>
        given is { Length: > 0 } ? given
        : Environment.GetEnvironmentVariable("ALLOT_RULES") is { Length: > 0 } env ? env
        : DefaultPath(ctx.DbPath);

    /// <summary>&lt;store&gt;.rules.json beside a SQLite store; ./allot.rules.json for a PostgreSQL one.</summary>
    public static string DefaultPath(string storePath) => DailyRun.DefaultRulesPath(storePath);

    /// <summary>Parses the rules file. Missing: refused when <paramref name="required"/> (the command changes owners in
    /// bulk and should not do it by defaults nobody reviewed), otherwise the built-in defaults with a note.</summary>
    public static MaintenanceRules Load(CliContext ctx, string? given, bool required)
    {
        string path = PathFor(ctx, given);
        if (File.Exists(path)) return RulesParser.Parse(File.ReadAllText(path), path);
        if (given is { Length: > 0 }) throw new ArgumentException($"{path}: rules file not found");
        if (required)
            throw new ArgumentException($"no rules file at {path}: this command returns customers to the pool by those rules; "
                + "write them with `allot pool init`, review them, then run it again (or pass --rules FILE)");
        ctx.Err.WriteLine($"note: no rules file at {path}; using the built-in defaults (write them with `allot pool init`)");
        return RulesParser.Parse(DefaultRules.Text, "built-in defaults");
    }

    public static DateOnly Today(CliContext ctx, Option<DateOnly?> option) =>
        ctx.Parse.GetValue(option) ?? DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
