using System.CommandLine;

namespace Allot.Cli.Commands;

/// <summary><c>allot init</c>: creates the store, or brings its schema up to date.</summary>
internal static class InitCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("init", "Create the store (default ./allot.db, or --db postgres://…) or upgrade its schema");
        command.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore(create: true);
            ctx.Printer.Record([("store", ctx.DbIsServer ? store.Location : Path.GetFullPath(store.Location)), ("schema_version", store.SchemaVersion)]);
            return 0;
        }));
        return command;
    }
}
