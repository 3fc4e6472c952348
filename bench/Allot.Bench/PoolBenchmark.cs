using System.Diagnostics;
using System.Globalization;
using Allot.Core.Maintenance;
using Allot.Storage.Sqlite;

namespace Allot.Bench;

/// <summary>
/// The daily pool jobs on a big store, phase by phase, in-process: the activity summary (built from scratch, then
/// brought up to date), reclaim + plan decided without writing (a dry run), the same with the writes, the commit,
/// and the next day's full daily job (reclaim, plan, alerts). Wall and CPU seconds per phase, and peak working set.
/// </summary>
/// <remarks>Usage: <c>dotnet run -c Release --project bench/Allot.Bench -- pool --db STORE --today yyyy-MM-dd [--rules FILE]</c>.
/// The store is changed (customers reclaimed, plan stored): run it on a copy. bench/pool/run.sh prepares one.</remarks>
internal static class PoolBenchmark
{
    public static int Run(string[] args)
    {
        string db = Arg(args, "--db") ?? throw new ArgumentException("--db STORE is required");
        var today = DateOnly.ParseExact(Arg(args, "--today") ?? throw new ArgumentException("--today yyyy-MM-dd is required"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rules = Arg(args, "--rules") is { } path ? RulesParser.Parse(File.ReadAllText(path), path) : RulesParser.Parse(DefaultRules.Text, "defaults");
        using var store = SqliteStore.Open(db, create: false);
        Console.WriteLine($"# pool jobs on {db}, day {today:yyyy-MM-dd}");
        Console.WriteLine("| step | wall s | CPU s | result |");
        Console.WriteLine("|---|---:|---:|---|");

        var reclaimPlan = JobSteps.Reclaim | JobSteps.Plan;
        using (var session = store.BeginMaintenance())
        {
            Step("activity summary, from scratch (20M orders, interactions)", () => { session.RefreshActivity(); return ""; });
            Step("activity summary, up to date (nothing new)", () => { session.RefreshActivity(); return ""; });
            Step("reclaim + plan, decided only (dry run)", () => DailyJob.Run(session, rules, new JobOptions("bench", today, "bench", reclaimPlan, 4, DryRun: true)).Summary);
            Step("reclaim + plan, decided and written", () => DailyJob.Run(session, rules, new JobOptions("reclaim+plan", today, "bench", reclaimPlan, 4)).Summary);
            Step("commit", () => { session.Commit(); return ""; });
        }
        var next = today.AddDays(1);
        Step("next day: reclaim + plan, one transaction (the daily steady state)", () => Job(store, rules, "reclaim+plan", next, reclaimPlan));
        Step("next day: daily job (reclaim, plan, alerts), a re-run for the day", () => Job(store, rules, "daily", next, JobSteps.All));
        Step("next day: daily job again (idempotent: changes nothing)", () => Job(store, rules, "daily", next, JobSteps.All));
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }

    private static string Job(SqliteStore store, MaintenanceRules rules, string job, DateOnly day, JobSteps steps)
    {
        using var session = store.BeginMaintenance();
        var result = DailyJob.Run(session, rules, new JobOptions(job, day, "bench", steps, 4));
        session.Commit();
        return result.Summary;
    }

    private static void Step(string name, Func<string> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        string result = work();
        watch.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {watch.Elapsed.TotalSeconds:0.00} | {cpuSeconds:0.00} | {result} |"));
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
