using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Allot.Cli.Tests;

/// <summary>allot allocate end to end on a generated book in a real SQLite store: propose, explain, apply with
/// history, all-or-nothing apply under a crash, the DIMACS export against networkx, and bad input.</summary>
public sealed class AllocateTests
{
    private static CliSandbox Book(int customers = 3000, int reps = 25)
    {
        var box = new CliSandbox();
        string data = Path.Combine(box.Folder, "data");
        Assert.Equal(0, box.Run("generate", "--customers", customers.ToString(CultureInfo.InvariantCulture), "--reps", reps.ToString(CultureInfo.InvariantCulture),
            "--orders", (customers * 15).ToString(CultureInfo.InvariantCulture), "--seed", "3", "--out", data).Exit);
        box.Json("import", "reps", Path.Combine(data, "reps.csv"));
        box.Json("import", "customers", Path.Combine(data, "customers.csv"));
        box.Json("import", "orders", Path.Combine(data, "orders.csv"));
        Assert.Equal(0, box.Run("classify").Exit);
        return box;
    }

    private static Dictionary<string, string?> Owners(CliSandbox box)
    {
        using var store = Allot.Storage.Sqlite.SqliteStore.Open(box.Db, create: false);
        return store.ReadCustomers().ToDictionary(c => c.Key, c => c.OwnerRepKey);
    }

    private static int HistoryRows(CliSandbox box, long? runId = null)
    {
        using var store = Allot.Storage.Sqlite.SqliteStore.Open(box.Db, create: false);
        return store.ReadCustomers().Sum(c => store.GetOwnerHistory(c.Key).Count(h => runId is null || h.RunId == runId));
    }

    [Fact]
    public void ProposeExplainApply_ChangesOwnersOnlyOnApply_WithHistory()
    {
        using var box = Book();
        var before = Owners(box);
        var run = box.Json("allocate");
        long id = run.GetProperty("run").GetInt64();
        int changes = box.Json("allocate", "runs")[0].GetProperty("changes").GetInt32(); // owner changes and first owners
        Assert.True(changes >= run.GetProperty("quality").GetProperty("owner_changes").GetInt32() && changes > 0);
        Assert.Equal(before, Owners(box)); // a proposal changes nothing

        var shown = box.Json("allocate", "show", id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(run.GetProperty("objective").GetInt64(), shown.GetProperty("objective").GetInt64());
        var moved = box.Json("allocate", "show", "--changes", "--limit", "1")[0];
        string key = moved.GetProperty("customer").GetString()!;
        var why = box.Json("allocate", "why", key);
        Assert.Equal(moved.GetProperty("proposed").GetString(), why.GetProperty("proposed").GetString());
        Assert.True(why.GetProperty("components").GetProperty("seniority").GetDouble() >= 0);
        Assert.Contains("moves from", why.GetProperty("reason").GetString());

        var applied = box.Json("allocate", "apply", id.ToString(CultureInfo.InvariantCulture), "--by", "manager");
        Assert.Equal(changes, applied.GetProperty("changed").GetInt32());
        var after = Owners(box);
        Assert.Equal(changes, before.Count(x => after[x.Key] != x.Value));
        Assert.Equal(why.GetProperty("proposed").GetString(), after[key]);
        Assert.Equal(changes, HistoryRows(box, id));
        var runs = box.Json("allocate", "runs");
        Assert.Equal("manager", runs[0].GetProperty("applied_by").GetString());

        // The run is now out of date for nobody; applying twice changes nothing more.
        Assert.Equal(0, box.Json("allocate", "apply", id.ToString(CultureInfo.InvariantCulture)).GetProperty("changed").GetInt32());
    }

    [Fact]
    public void Optimal_BeatsGreedyAndRoundRobin_AndWhyNotIsExplained()
    {
        using var box = Book();
        var optimal = box.Json("allocate", "--no-store");
        var greedy = box.Json("allocate", "--no-store", "--strategy", "greedy");
        var roundRobin = box.Json("allocate", "--no-store", "--strategy", "round-robin");
        long o = optimal.GetProperty("objective").GetInt64();
        Assert.True(o <= greedy.GetProperty("objective").GetInt64());
        Assert.True(o <= roundRobin.GetProperty("objective").GetInt64());
        Assert.True(optimal.GetProperty("quality").GetProperty("total_fit").GetDouble() > greedy.GetProperty("quality").GetProperty("total_fit").GetDouble() - 1e-9
            || o < greedy.GetProperty("objective").GetInt64());

        var run = box.Json("allocate");
        var row = box.Json("allocate", "show", "--changes", "--limit", "1")[0];
        string customer = row.GetProperty("customer").GetString()!;
        string proposed = row.GetProperty("proposed").GetString()!;
        var reps = box.Json("allocate", "show", run.GetProperty("run").GetInt64().ToString(CultureInfo.InvariantCulture)).GetProperty("reps");
        foreach (var rep in reps.EnumerateArray().Select(r => r.GetProperty("rep").GetString()!).Where(r => r != proposed))
        {
            var answer = box.Json("allocate", "why", customer, "--not", rep);
            if (!answer.GetProperty("feasible").GetBoolean())
            {
                Assert.False(string.IsNullOrEmpty(answer.GetProperty("explanation").GetString()));
                continue;
            }
            Assert.True(answer.GetProperty("cost").GetInt64() >= 0); // the optimum cannot get cheaper by forcing
            Assert.Contains("the book loses", answer.GetProperty("explanation").GetString());
            return;
        }
        Assert.Fail("no rep could take the customer at all");
    }

    [Fact]
    public async Task Apply_KilledBeforeCommit_ChangesNothing()
    {
        using var box = Book();
        long id = box.Json("allocate").GetProperty("run").GetInt64();
        var before = Owners(box);
        int history = HistoryRows(box);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "allot.dll"), "allocate", "apply", id.ToString(CultureInfo.InvariantCulture), "--db", box.Db })
            start.ArgumentList.Add(a);
        start.Environment["ALLOT_FAULT_AFTER"] = "50";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(0, process.ExitCode);

        Assert.Equal(before, Owners(box));
        Assert.Equal(history, HistoryRows(box));
        Assert.Null(box.Json("allocate", "runs")[0].GetProperty("applied_at").GetString());
        Assert.True(box.Json("allocate", "apply", id.ToString(CultureInfo.InvariantCulture)).GetProperty("changed").GetInt32() > 50);
    }

    [Fact]
    public void ExportDimacs_SolvedByNetworkx_GivesTheRunsObjective()
    {
        const string python = "/usr/bin/python3"; // Debian's, where python3-networkx installs
        if (!(File.Exists(python) && Run(python, ["-c", "import networkx"]).Exit == 0))
        {
            const string why = "python3-networkx is missing (apt-get install -y python3-networkx)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(why);
            Assert.Skip(why);
        }
        using var box = Book(1500, 12);
        string file = Path.Combine(box.Folder, "book.min");
        var run = box.Json("allocate", "--no-store", "--export-dimacs", file);
        var (exit, output, error) = Run(python, [Path.Combine(RepoRoot(), "tests", "tools", "networkx_min_cost.py"), file]);
        Assert.True(exit == 0, error);
        Assert.Equal(run.GetProperty("objective").GetInt64().ToString(CultureInfo.InvariantCulture), output.Trim());
    }

    [Fact]
    public void BadInput_ClearErrors()
    {
        using var box = new CliSandbox();
        Assert.Equal(0, box.Run("init").Exit);
        var none = box.Run("allocate");
        Assert.Equal(1, none.Exit);
        Assert.Contains("no classification run yet", none.Stderr);

        string policy = Path.Combine(box.Folder, "p.json");
        File.WriteAllText(policy, "{\n  \"weights\": { \"seniorty\": 3 }\n}");
        var bad = box.Run("policy", "check", policy);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("p.json:2:16: weights: unknown key 'seniorty' (did you mean 'seniority'?)", bad.Stderr);
        Assert.DoesNotContain("   at ", bad.Stderr);

        Assert.Equal(2, box.Run("allocate", "--strategy", "fastest").Exit);
        using var book = Book(300, 5);
        var cap = book.Run("allocate", "--capacity", "R0001:5");
        Assert.Equal(2, cap.Exit);
        Assert.Contains("--capacity: 'R0001:5' should be REP=N", cap.Stderr);
        Assert.Contains("no rep with key 'NOPE'", book.Run("allocate", "--without-rep", "NOPE").Stderr);
        Assert.Contains("there is no allocation run 99", book.Run("allocate", "apply", "99").Stderr);

        string init = Path.Combine(box.Folder, "policy.json");
        Assert.Equal(0, box.Run("policy", "init", "--out", init).Exit);
        Assert.Equal(0, box.Run("policy", "check", init).Exit);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Allot.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Allot.slnx not found above " + AppContext.BaseDirectory);
    }

    private static (int Exit, string Output, string Error) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
