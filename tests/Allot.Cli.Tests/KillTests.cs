using System.Diagnostics;
using System.Text.Json;

namespace Allot.Cli.Tests;

/// <summary>A real `allot` process killed in the middle of an import leaves the store exactly as before.</summary>
public sealed class KillTests
{
    [Fact]
    public async Task Import_KilledMidway_StoreUnchanged()
    {
        using var box = new CliSandbox();
        string data = Path.Combine(box.Folder, "data");
        Assert.Equal(0, box.Run("generate", "--customers", "20000", "--reps", "20", "--orders", "1500000", "--seed", "5", "--out", data).Exit);
        box.Json("import", "customers", Path.Combine(data, "customers.csv"), "--create-missing");
        box.Json("import", "reps", Path.Combine(data, "reps.csv"));
        string before = box.Run("stats", "--format", "json").Stdout;
        int importsBefore = CountImports(box);

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "allot.dll"), "import", "orders", Path.Combine(data, "orders.csv"), "--db", box.Db })
            start.ArgumentList.Add(a);
        start.Environment["ALLOT_PROGRESS"] = "1";
        using var process = Process.Start(start)!;
        var rowsSeen = new TaskCompletionSource<long>();
        process.ErrorDataReceived += (_, e) =>
        {
            // Progress lines end in "orders.csv: 123,456 rows"; kill once well into the file.
            if (e.Data is { } line && line.Contains(" rows", StringComparison.Ordinal)
                && long.TryParse(line[(line.LastIndexOf(": ", StringComparison.Ordinal) + 2)..line.LastIndexOf(" rows", StringComparison.Ordinal)].Replace(",", ""), out long rows)
                && rows >= 200_000)
                rowsSeen.TrySetResult(rows);
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        bool inTime = await Task.WhenAny(rowsSeen.Task, Task.Delay(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken)) == rowsSeen.Task;
        Assert.True(inTime && !process.HasExited, "the import should be running, past 200,000 rows, when killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(0, process.ExitCode);

        Assert.Equal(before, box.Run("stats", "--format", "json").Stdout);
        Assert.Equal(importsBefore, CountImports(box));
    }

    private static int CountImports(CliSandbox box)
    {
        using var store = Allot.Storage.Sqlite.SqliteStore.Open(box.Db, create: false);
        return store.GetImports(1000).Count;
    }
}
