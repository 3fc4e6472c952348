extern alias cli;
using System.Text.Json;
using AllotApp = cli::Allot.Cli.AllotApp;

namespace Allot.Server.Tests.Endpoints;

/// <summary>The CLI on a sandbox's store, to hold the API's figures against the CLI's for the same book.</summary>
internal static class AllotCli
{
    /// <summary>Runs <c>allot ARGS --db DB --format json</c> and parses its stdout.</summary>
    public static JsonElement Json(string db, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run([.. args, "--db", db, "--format", "json"], stdout, stderr);
        Assert.True(exit == 0, $"allot {string.Join(' ', args)}: exit {exit}: {stderr}");
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }

    /// <summary>Runs <c>allot ARGS --db DB</c>: exit code and output.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string db, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run([.. args, "--db", db, "--quiet"], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
