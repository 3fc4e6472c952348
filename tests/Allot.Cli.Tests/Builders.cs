using System.Text.Json;

namespace Allot.Cli.Tests;

/// <summary>Runs <c>allot</c> in-process against a store in a temporary folder.</summary>
internal sealed class CliSandbox : IDisposable
{
    /// <param name="db">The store (default: allot.db in the sandbox's folder), e.g. a PostgreSQL URL.</param>
    public CliSandbox(string? db = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "allot-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Db = db ?? Path.Combine(Folder, "allot.db");
    }

    public string Folder { get; }

    public string Db { get; }

    public string RejectsPath => Path.Combine(Folder, "allot.rejects.csv");

    /// <summary>Runs allot with <c>--db</c> pointing at this sandbox's store.</summary>
    public CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run([.. args, "--db", Db], stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs allot with <c>--format json</c> and parses stdout.</summary>
    public JsonElement Json(params string[] args)
    {
        var result = Run([.. args, "--format", "json"]);
        Assert.True(result.Exit == 0, $"allot {string.Join(' ', args)} failed ({result.Exit}): {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>Writes a file into the sandbox and returns its path.</summary>
    public string WriteFile(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes UTF-8 text (no BOM) into the sandbox.</summary>
    public string WriteFile(string name, string text) => WriteFile(name, new System.Text.UTF8Encoding(false).GetBytes(text));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Exit code and output of one run.</summary>
internal sealed record CliResult(int Exit, string Stdout, string Stderr);
