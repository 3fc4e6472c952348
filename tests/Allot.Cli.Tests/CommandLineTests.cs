using System.Text.Json;

namespace Allot.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Run_UnknownCommand_ExitsTwoWithUsageHint()
    {
        using var box = new CliSandbox();
        var result = box.Run("frobnicate");
        Assert.Equal(2, result.Exit);
        Assert.Contains("allot --help", result.Stderr);
    }

    [Fact]
    public void Run_UnknownImportKind_ExitsTwo()
    {
        using var box = new CliSandbox();
        var result = box.Run("import", "widgets", box.WriteFile("x.csv", "a\n1\n"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("unknown kind 'widgets'", result.Stderr);
    }

    [Theory]
    [InlineData("customers,orders")]
    [InlineData("2")]
    public void Run_KindThatIsNotExactlyAName_ExitsTwo(string kind)
    {
        using var box = new CliSandbox();
        Assert.Equal(2, box.Run("import", kind, box.WriteFile("x.csv", "a\n1\n")).Exit);
    }

    [Fact]
    public void Run_Help_ListsCommandsAndExitsZero()
    {
        var stdout = new StringWriter();
        int exit = AllotApp.Run(["--help"], stdout, new StringWriter());
        Assert.Equal(0, exit);
        foreach (string command in new[] { "import", "generate", "customers", "stats", "demo", "init" })
            Assert.Contains(command, stdout.ToString());
    }

    [Fact]
    public void Stats_NoStore_ExitsOneWithOneLine()
    {
        using var box = new CliSandbox();
        var result = box.Run("stats");
        Assert.Equal(1, result.Exit);
        Assert.Contains("allot init", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Init_CreatesStoreAndReportsSchema()
    {
        using var box = new CliSandbox();
        var init = box.Json("init");
        Assert.True(init.GetProperty("schema_version").GetInt32() >= 1);
        Assert.True(File.Exists(box.Db));
        Assert.Equal(0, box.Json("stats").GetProperty("customers").GetInt64());
    }

    [Fact]
    public void GenerateThenImport_CanonicalLayoutImportsWithoutOptionsOrRejects()
    {
        using var box = new CliSandbox();
        string data = Path.Combine(box.Folder, "data");
        Assert.Equal(0, box.Run("generate", "--customers", "500", "--reps", "12", "--orders", "6000", "--seed", "3", "--out", data).Exit);
        foreach (string kind in new[] { "reps", "customers", "orders", "invoices", "payments", "interactions", "feedback" })
        {
            var report = box.Json("import", kind, Path.Combine(data, kind + ".csv"));
            Assert.True(report.GetProperty("read").GetInt64() > 0, kind);
            Assert.Equal(0, report.GetProperty("rejected").GetInt64());
        }
        var stats = box.Json("stats");
        Assert.Equal((500L, 12L, 6000L), (stats.GetProperty("customers").GetInt64(), stats.GetProperty("reps").GetInt64(), stats.GetProperty("orders").GetInt64()));

        var list = box.Json("customers", "list", "--limit", "5");
        Assert.Equal(5, list.GetArrayLength());
        string key = list[0].GetProperty("key").GetString()!;
        Assert.Equal(key, box.Json("customers", "show", key).GetProperty("key").GetString());
        string region = list[0].GetProperty("region").GetString()!;
        var inRegion = box.Json("customers", "list", "--region", region, "--limit", "1000");
        Assert.All(inRegion.EnumerateArray(), c => Assert.Equal(region, c.GetProperty("region").GetString()));
        var found = box.Json("customers", "search", key);
        Assert.Contains(found.EnumerateArray(), c => c.GetProperty("key").GetString() == key);
        Assert.True(box.Json("customers", "duplicates").GetArrayLength() > 0, "the generator plants duplicate-looking customers");
    }

    [Fact]
    public void Indicators_NoStore_ListsTheCatalogue()
    {
        using var box = new CliSandbox();
        var list = box.Json("indicators", "--list");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("name").GetString() == "recency_days" && r.GetProperty("说明").GetString()!.Length > 0);
    }

    [Fact]
    public void Stats_CsvFormat_HeaderAndOneRow()
    {
        using var box = new CliSandbox();
        box.Json("init");
        var result = box.Run("stats", "--format", "csv");
        var lines = result.Stdout.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("customers,reps,orders,amount_total,profit_total", lines[0]);
    }

    [Fact]
    public void Demo_RunsEveryStageOnAFreshStore()
    {
        using var box = new CliSandbox();
        string dir = Path.Combine(box.Folder, "demo");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run(["demo", "--dir", dir, "--customers", "300", "--orders", "3000", "--reps", "10"], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.True(File.Exists(Path.Combine(dir, "allot.db")));
        Assert.Contains("amount_total", stdout.ToString());
        Assert.Contains("orders.csv", stdout.ToString());
        Assert.Contains("abc_amount", stdout.ToString());
        Assert.Contains("Champions", stdout.ToString());
        var again = AllotApp.Run(["demo", "--dir", dir, "--customers", "300", "--orders", "3000", "--reps", "10", "--format", "json"], new StringWriter(), new StringWriter());
        Assert.Equal(0, again);
    }
}
