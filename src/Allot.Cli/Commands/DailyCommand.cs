using System.CommandLine;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Storage.Maintenance;

namespace Allot.Cli.Commands;

/// <summary><c>allot daily</c>: reclaim, plan and alerts in one transaction, then the digest (for cron).</summary>
internal static class DailyCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var rules = RulesFile.RulesOption();
        var today = RulesFile.TodayOption();
        var weeks = new Option<int?>("--weeks") { Description = "Weeks the plan reaches ahead (default: the rules' followups.horizon_weeks)" };
        var by = RulesFile.ByOption("Who runs it, recorded with every event (default: \"daily\")");
        var noPost = new Option<bool>("--no-post") { Description = "Write the digest file but do not POST it" };
        var repost = new Option<bool>("--repost") { Description = "POST the digest even if today's was posted already" };
        var steps = new Option<string>("--steps")
        {
            Description = "Which steps, comma-separated: reclaim, plan, alerts (default all; the digest comes with alerts)",
            DefaultValueFactory = _ => "reclaim,plan,alerts",
        };
        var command = new Command("daily", "The daily job for cron: reclaim, re-plan and alerts in one transaction (safe to re-run for the same day), "
            + "then the digest file and its webhook POST") { rules, today, weeks, by, noPost, repost, steps };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: true);
            int n = p.GetValue(weeks) ?? r.FollowUps.HorizonWeeks;
            if (n is < 1 or > 104) throw new UsageException("--weeks: expected 1 to 104");
            var day = RulesFile.Today(ctx, today);
            var chosen = ParseSteps(p.GetValue(steps)!);
            using var store = ctx.OpenStore();
            var options = new JobOptions(chosen == JobSteps.All ? "daily" : "daily:" + p.GetValue(steps), day, p.GetValue(by) ?? "daily", chosen, n);
            var outcome = DailyRun.Run(store, r, RulesFile.PathFor(ctx, p.GetValue(rules)), options, post: !p.GetValue(noPost), repost: p.GetValue(repost));
            var result = outcome.Result;
            if (!chosen.HasFlag(JobSteps.Alerts))
            {
                ctx.Printer.Record([
                    ("day", day), ("customers", result.Customers), ("warned", result.Count(PoolEventKind.Warned)), ("reclaimed", result.Count(PoolEventKind.Reclaimed)),
                    ("pooled", result.Count(PoolEventKind.Pooled)), ("exempt", result.Exempt), ("tasks", result.Tasks.Count), ("overdue", result.Overdue),
                    ("run_of_the_day", (result.Previous?.Runs ?? 0) + 1),
                ]);
                return 0;
            }
            ctx.Printer.Record([
                ("day", day), ("customers", result.Customers), ("warned", result.Count(PoolEventKind.Warned)), ("reclaimed", result.Count(PoolEventKind.Reclaimed)),
                ("pooled", result.Count(PoolEventKind.Pooled)), ("exempt", result.Exempt), ("tasks", result.Tasks.Count), ("overdue", result.Overdue),
                ("alerts", result.Alerts.Count), ("digest", outcome.DigestPath), ("webhook", outcome.Webhook), ("run_of_the_day", (result.Previous?.Runs ?? 0) + 1),
            ]);
            if (result.Previous is { } before)
                ctx.Err.WriteLine($"ran for {RulesFile.Iso(day)} before (last at {before.LastAt:yyyy-MM-dd HH:mm:ss}Z); this run repeated nothing already done");
            if (outcome.PostError is { } postError)
            {
                ctx.Err.WriteLine($"allot: the day's work is committed, but the digest was not posted: {postError}; run `allot daily` again to retry");
                return 1;
            }
            return 0;
        }));
        return command;
    }

    private static JobSteps ParseSteps(string text)
    {
        var steps = JobSteps.None;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            steps |= part.ToLowerInvariant() switch
            {
                "reclaim" => JobSteps.Reclaim,
                "plan" => JobSteps.Plan,
                "alerts" => JobSteps.Alerts,
                _ => throw new UsageException($"--steps: unknown step '{part}'; expected reclaim, plan, alerts"),
            };
        }
        return steps == JobSteps.None ? throw new UsageException("--steps: name at least one of reclaim, plan, alerts") : steps;
    }
}
