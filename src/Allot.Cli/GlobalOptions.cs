using System.CommandLine;
using Allot.Cli.Output;

namespace Allot.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Store: a SQLite file (default ./allot.db), or PostgreSQL as postgres://user:password@host/database[?schema=NAME]; "
            + "else the ALLOT_DB environment variable",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output: table (default), json or csv (ics for `allot followups export`)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show the full error (stack trace) when something fails, and the time each step of `classify` takes",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet")
    {
        Description = "No progress bars",
        Recursive = true,
    };
}
