using System.Diagnostics;
using System.Globalization;
using Allot.Storage;
using Allot.Storage.Postgres;
using Allot.Tests.Shared;

namespace Allot.Cli.Tests;

/// <summary>`allot` against PostgreSQL (ALLOT_TEST_PG; see TestPostgres): the same results as with SQLite, real
/// processes importing at once, and a clear line when the server cannot be reached.</summary>
public sealed partial class PostgresCliTests : IDisposable
{
    private readonly List<string> _dbs = [];

    [Fact]
    public void Stats_NothingListening_ExitsOneWithOneClearLine()
    {
        using var box = new CliSandbox("postgres://allot:hunter2@127.0.0.1:1/allot");
        var result = box.Run("stats");
        Assert.Equal(1, result.Exit);
        Assert.StartsWith("allot: cannot reach PostgreSQL at 127.0.0.1:1 (connection refused)", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("hunter2", result.Stderr);
    }

    [Fact]
    public void Demo_Postgres_SamePipelineOutputAsSqlite()
    {
        string db = Db();
        using var box = new CliSandbox();
        string[] args = ["demo", "--customers", "400", "--orders", "6000", "--reps", "12", "--seed", "9"];
        var sqlite = Run([.. args, "--dir", Path.Combine(box.Folder, "sqlite")]);
        var postgres = Run([.. args, "--dir", Path.Combine(box.Folder, "pg"), "--db", db]);
        Assert.True(postgres.Exit == 0, postgres.Stderr);
        Assert.Equal(sqlite.Stdout, postgres.Stdout);
        Assert.Contains("PostgreSQL store at postgres://", postgres.Stderr);
        Assert.DoesNotContain(":allot@", postgres.Stderr);
        // The demo's store is left for the next commands.
        using var store = StoreFactory.Open(db, create: false, TimeProvider.System);
        Assert.Equal(6000, store.GetStats().Orders);
        Assert.Single(store.GetClassificationRuns());
    }

    [Fact]
    public void Classify_Postgres_SameResultsAsSqlite()
    {
        using var sqlite = new CliSandbox();
        using var postgres = new CliSandbox(Db());
        string data = Path.Combine(sqlite.Folder, "data");
        Assert.Equal(0, sqlite.Run("generate", "--customers", "800", "--reps", "15", "--orders", "20000", "--seed", "12", "--out", data).Exit);
        foreach (var box in new[] { sqlite, postgres })
        {
            foreach (string kind in new[] { "reps", "customers", "orders", "invoices", "payments", "interactions", "feedback" })
                box.Json("import", kind, Path.Combine(data, kind + ".csv"), "--rejects", Path.Combine(box.Folder, "r.csv"));
            box.Json("import", "orders", SharedData.File("superstore", "Sample - Superstore.csv"), "--preset", "superstore", "--rejects", Path.Combine(box.Folder, "r.csv"));
        }
        foreach (string[] args in new[] { new[] { "classify", "--no-store" }, ["classify", "--no-store", "--as-of", "2018-06-30"], ["indicators"],
            ["indicators", "--customer", "CG-12520", "--as-of", "2019-12-30"] })
        {
            var expected = sqlite.Run([.. args, "--format", "json"]);
            Assert.True(expected.Exit == 0, expected.Stderr);
            Assert.Equal(expected.Stdout, postgres.Run([.. args, "--format", "json"]).Stdout);
        }
        // A stored run reads back the same.
        Assert.Equal(sqlite.Run("classify", "--by", "t", "--format", "json").Stdout, postgres.Run("classify", "--by", "t", "--format", "json").Stdout);
        string key = sqlite.Json("customers", "list", "--limit", "1")[0].GetProperty("key").GetString()!;
        Assert.Equal(sqlite.Run("explain", key, "--format", "json").Stdout, postgres.Run("explain", key, "--format", "json").Stdout);
    }

    [Fact]
    public void PoolFollowUpsAlertsDaily_Postgres_SameOutputAsSqlite()
    {
        using var sqlite = new CliSandbox();
        using var postgres = new CliSandbox(Db());
        // Day by day: the daily job warns C2, a claim and its refusals, a logged interaction, the reclaim, the plan
        // and the alerts; every command must answer the same on both stores (paths aside).
        string[][] days =
        [
            ["daily", "--today", "2026-02-01"],
            ["pool", "list", "--today", "2026-02-01"],
            ["pool", "claim", "P1", "--rep", "R2", "--today", "2026-02-01"],
            ["pool", "claim", "P1", "--rep", "R1", "--today", "2026-02-01"],
            ["interactions", "log", "C1", "--kind", "visit", "--today", "2026-02-03", "--key", "L1"],
            ["daily", "--today", "2026-02-06"],
            ["daily", "--today", "2026-02-06"],
            ["pool", "claim", "C2", "--rep", "R2", "--today", "2026-02-07"],
            ["pool", "claim", "C2", "--rep", "R1", "--today", "2026-02-07"],
            ["pool", "release", "C3", "--by", "boss", "--reason", "moving", "--today", "2026-02-08"],
            ["pool", "claim", "C3", "--rep", "R2", "--today", "2026-02-01"],
            ["followups", "due", "--today", "2026-02-08", "--days", "30"],
            ["followups", "plan", "--today", "2026-02-08"],
            ["alerts", "--today", "2026-02-08"],
            ["customers", "show", "C2"],
        ];
        var outputs = new List<string>[2];
        foreach (var (box, n) in new[] { (sqlite, 0), (postgres, 1) })
        {
            PoolBook.Load(box);
            string rules = Path.Combine(box.Folder, "allot.rules.json");
            outputs[n] = [.. days.Select(args =>
            {
                // Commands that read the rules get them from the sandbox (the default on PostgreSQL is ./allot.rules.json).
                var r = box.Run([.. args, .. args[0] is "followups" && args[1] == "due" || args[0] == "customers" ? [] : new[] { "--rules", rules }, "--format", "json"]);
                return Instants().Replace($"{string.Join(' ', args)} → {r.Exit}\n{r.Stdout}{r.Stderr}".Replace(box.Folder, "<folder>"), "<time>");
            })];
        }
        for (int i = 0; i < days.Length; i++) Assert.Equal(outputs[0][i], outputs[1][i]);
        var pg = outputs[1];
        Assert.Contains("<folder>/digests/digest-2026-02-01.json", pg[0]);
        Assert.Contains("\"result\": \"done\"", pg[2]);
        Assert.Contains("it belongs to R2", pg[3]);
        Assert.Contains("\"reclaimed\": 1", pg[5]);
        Assert.Contains("\"run_of_the_day\": 2", pg[6]);
        Assert.Contains("\"reason\": \"cool_down\"", pg[7]);
        Assert.Contains("\"result\": \"done\"", pg[8]);
        Assert.Contains("\"reason\": \"daily_limit\"", pg[10]);
        // The history: the same events (their recorded times aside), each owner change in the owner history.
        string History(CliSandbox box) => string.Join('\n', box.Json("pool", "history").EnumerateArray()
            .Select(e => string.Join(' ', new[] { "day", "customer", "event", "rep", "by", "reason" }.Select(f => e.GetProperty(f).ToString()))));
        Assert.Equal(History(sqlite), History(postgres));
    }

    [Fact]
    public async Task Import_TwoProcessesAtOnce_NothingLostAndHistoryConsistent()
    {
        string db = Db();
        using var box = new CliSandbox(db);
        string data = Path.Combine(box.Folder, "data");
        Assert.Equal(0, box.Run("generate", "--customers", "3000", "--reps", "20", "--orders", "240000", "--seed", "4", "--out", data).Exit);
        box.Json("import", "reps", Path.Combine(data, "reps.csv"), "--rejects", Path.Combine(box.Folder, "r.csv"));
        box.Json("import", "customers", Path.Combine(data, "customers.csv"), "--rejects", Path.Combine(box.Folder, "r.csv"));

        // Two order files overlapping by 40,000 rows, and two customer files giving the first 500 customers new owners.
        var orders = File.ReadAllLines(Path.Combine(data, "orders.csv"));
        File.WriteAllLines(Path.Combine(box.Folder, "orders-a.csv"), orders.Take(1 + 140_000));
        File.WriteAllLines(Path.Combine(box.Folder, "orders-b.csv"), orders.Take(1).Concat(orders.Skip(1 + 100_000)));
        var customers = File.ReadAllLines(Path.Combine(data, "customers.csv"));
        var reps = File.ReadAllLines(Path.Combine(data, "reps.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        string Owners(int shift) => string.Join('\n', customers.Take(501).Select((line, i) => i == 0 ? line
            : line[..(line.LastIndexOf(',') + 1)] + reps[(i + shift) % reps.Length])) + "\n";
        File.WriteAllText(Path.Combine(box.Folder, "owners-a.csv"), Owners(1));
        File.WriteAllText(Path.Combine(box.Folder, "owners-b.csv"), Owners(2));

        // Four processes at once: two order files, two owner files.
        var processes = new[]
        {
            Start(box, "orders", "orders-a.csv", "alice"), Start(box, "orders", "orders-b.csv", "bob"),
            Start(box, "customers", "owners-a.csv", "carol"), Start(box, "customers", "owners-b.csv", "dave"),
        };
        await Task.WhenAll(processes.Select(p => p.WaitForExitAsync(TestContext.Current.CancellationToken)));
        foreach (var p in processes) Assert.True(p.ExitCode == 0, await p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));

        using var store = StoreFactory.Open(db, create: false, TimeProvider.System);
        var stats = store.GetStats();
        decimal total = orders.Skip(1).Sum(l => decimal.Parse(l.Split(',')[3], CultureInfo.InvariantCulture));
        Assert.Equal((240_000L, total, 3000L), (stats.Orders, stats.AmountTotal, stats.Customers));
        var imports = store.GetImports(10).OrderBy(i => i.Id).ToList();
        // Whichever order import ran second updated the overlap.
        Assert.Equal([(140_000L, 0L), (100_000L, 40_000L)],
            imports.Where(i => i.Kind == Core.Importing.EntityKind.Orders).Skip(0).TakeLast(2).Select(i => (i.Imported, i.Updated)));
        // Whichever owner import ran second saw the first's owners: every history chains, and ends with it.
        string second = imports.Where(i => i.Kind == Core.Importing.EntityKind.Customers).Last().By;
        Assert.Contains(second, new[] { "carol", "dave" });
        foreach (string key in customers.Skip(1).Take(500).Select(l => l.Split(',')[0]))
        {
            var history = store.GetOwnerHistory(key);
            Assert.True(history.Zip(history.Skip(1)).All(p => p.First.ToRepKey == p.Second.FromRepKey), $"history of {key} chains");
            Assert.Equal(history[^1].ToRepKey, store.GetCustomer(key)!.OwnerRepKey);
            Assert.Equal(second, history[^1].By);
        }
    }

    [Fact]
    public async Task Import_KilledMidwayThroughAFirstLoad_StoreUnchangedAndUsable()
    {
        using var box = new CliSandbox(Db());
        string data = Path.Combine(box.Folder, "data");
        Assert.Equal(0, box.Run("generate", "--customers", "20000", "--reps", "20", "--orders", "1500000", "--seed", "5", "--out", data).Exit);
        box.Json("import", "reps", Path.Combine(data, "reps.csv"), "--rejects", Path.Combine(box.Folder, "r.csv"));
        box.Json("import", "customers", Path.Combine(data, "customers.csv"), "--rejects", Path.Combine(box.Folder, "r.csv"));
        string before = box.Run("stats", "--format", "json").Stdout;

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "allot.dll"), "import", "orders", Path.Combine(data, "orders.csv"),
            "--db", box.Db, "--rejects", Path.Combine(box.Folder, "o.csv") })
            start.ArgumentList.Add(a);
        start.Environment["ALLOT_PROGRESS"] = "1";
        using var process = Process.Start(start)!;
        var rowsSeen = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            // Past 300,000 rows the load runs without the orders table's indexes (BulkLoad); kill it there.
            if (e.Data is { } line && line.Contains(" rows", StringComparison.Ordinal)
                && long.TryParse(line[(line.LastIndexOf(": ", StringComparison.Ordinal) + 2)..line.LastIndexOf(" rows", StringComparison.Ordinal)].Replace(",", ""), out long rows)
                && rows >= 300_000)
                rowsSeen.TrySetResult();
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        bool inTime = await Task.WhenAny(rowsSeen.Task, Task.Delay(TimeSpan.FromSeconds(180), TestContext.Current.CancellationToken)) == rowsSeen.Task;
        Assert.True(inTime && !process.HasExited, "the import should be running, past 300,000 rows, when killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // The server rolls the transaction back when the connection drops (it may take a moment to notice).
        string after = "";
        for (int i = 0; i < 50 && after != before; i++)
        {
            after = box.Run("stats", "--format", "json").Stdout;
            if (after != before) await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Equal(before, after);
        var again = box.Json("import", "orders", Path.Combine(data, "orders.csv"), "--rejects", Path.Combine(box.Folder, "o.csv"));
        Assert.Equal(1_500_000, again.GetProperty("imported").GetInt64());
        Assert.Equal(1_500_000, box.Json("stats").GetProperty("orders").GetInt64());
    }

    private static Process Start(CliSandbox box, string kind, string file, string who)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "allot.dll"), "import", kind, Path.Combine(box.Folder, file),
            "--db", box.Db, "--by", who, "--quiet", "--rejects", Path.Combine(box.Folder, who + ".rejects.csv") })
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    private static CliResult Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Times of day the clock gave (recorded_at, "last at …"): they differ between two runs.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial System.Text.RegularExpressions.Regex Instants();

    private string Db()
    {
        string db = TestPostgres.UrlWithSchema(TestPostgres.NewSchema());
        _dbs.Add(db);
        return db;
    }

    public void Dispose()
    {
        foreach (string db in _dbs)
        {
            try { PostgresStore.DropSchema(PostgresLocation.Parse(db)); }
            catch (StoreException) { }
        }
    }
}
