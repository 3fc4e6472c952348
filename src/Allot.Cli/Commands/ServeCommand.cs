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
        var dailyAt = new Option<string>("--daily-at")
        {
            Description = "Local time the server runs the daily job (reclaim, plan, alerts, digest), HH:mm, or off; it needs the rules file",
            DefaultValueFactory = _ => "06:00",
        };
        var rules = RulesFile.RulesOption();
        var command = new Command("serve", "Serve the HTTP API (/api, OpenAPI at /openapi/v1.json) and the web UI for managers and reps; "
            + "runs the daily job at --daily-at") { urls, dailyAt, rules };
        command.SetAction(wrap(ctx =>
        {
            string db = Path.IsPathRooted(ctx.DbPath) || ctx.DbIsServer ? ctx.DbPath : Path.GetFullPath(ctx.DbPath);
            string rulesPath = Path.GetFullPath(RulesFile.PathFor(ctx, ctx.Parse.GetValue(rules)));
            var app = AllotServer.Create(["--urls", ctx.Parse.GetValue(urls)!, "--Allot:Db", db, "--Allot:DailyAt", ctx.Parse.GetValue(dailyAt)!, "--Allot:Rules", rulesPath]);
            ctx.Err.WriteLine($"serving {Storage.StoreFactory.Describe(db)} at {ctx.Parse.GetValue(urls)} (Ctrl+C stops)");
            app.Run();
            return 0;
        }));
        return command;
    }
}
