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

/// <summary>A small book for the pool commands: two reps, four customers (one in the pool, one key account), interactions.</summary>
internal static class PoolBook
{
    public const string Rules = """
        // test rules
        {
          "managers": ["boss"],
          "pools": [ { "name": "east", "regions": ["East"], "managers": ["east.lead"] }, { "name": "rest" } ],
          "defaults": {
            "reclaim": { "no_interaction_days": 30, "no_order_days": null, "warn_days": 5 },
            "claim": { "per_day": 1, "per_month": 10, "cooldown_days": 20 },
            "followup_days": 14
          }
        }
        """;

    /// <summary>Imports the book with owner_since 2026-01-01 and writes the rules beside the store.</summary>
    public static void Load(CliSandbox box, string? rules = Rules)
    {
        box.Run("import", "reps", box.WriteFile("reps.csv", "rep_id,name,team,level\nR1,Li Na,East,mid\nR2,Wang Wei,East,junior\n"));
        box.Run("import", "customers", box.WriteFile("customers.csv",
            "customer_id,name,region,city,phone,email,key_account,owner_rep_id,owner_since,status,birthday\n"
            + "C1,上海华力贸易有限公司,East,上海,13800138000,hl@example.com,false,R1,2026-01-01,active,1980-02-10\n"
            + "C2,北京东方文具店,North,北京,13900000002,df@example.com,false,R2,2026-01-01,active,\n"
            + "C3,Acme Trading,East,上海,021-61234567,buy@acme.com,true,R1,2026-01-01,active,\n"
            + "P1,杭州新客户,East,杭州,13700000001,p1@example.com,false,,2026-01-01,pool,\n"));
        box.Run("import", "interactions", box.WriteFile("interactions.csv",
            "interaction_id,customer_id,rep_id,date,kind\nI1,C1,R1,2026-01-20,visit\nI2,C2,R2,2026-01-05,call\n"));
        if (rules is not null) File.WriteAllText(Path.Combine(box.Folder, "allot.rules.json"), rules);
    }
}
