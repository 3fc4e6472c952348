using System.CommandLine;
using Allot.Server;

namespace Allot.Cli.Commands;

/// <summary><c>allot serve</c>: the HTTP API and the web UI on the same store as the CLI.</summary>
internal static class ServeCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (default http://127.0.0.1:5080; use http://0.0.0.0:PORT to serve other machines, behind TLS)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var command = new Command("serve", "Serve the HTTP API (/api, OpenAPI at /openapi/v1.json) and the web UI for managers and reps") { urls };
        command.SetAction(wrap(ctx =>
        {
            string db = Path.IsPathRooted(ctx.DbPath) || ctx.DbIsServer ? ctx.DbPath : Path.GetFullPath(ctx.DbPath);
            var app = AllotServer.Create(["--urls", ctx.Parse.GetValue(urls)!, "--Allot:Db", db]);
            ctx.Err.WriteLine($"serving {Storage.StoreFactory.Describe(db)} at {ctx.Parse.GetValue(urls)} (Ctrl+C stops)");
            app.Run();
            return 0;
        }));
        return command;
    }
}
