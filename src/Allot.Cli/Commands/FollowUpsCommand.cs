using System.CommandLine;
using System.Text.Json.Nodes;
using Allot.Cli.Output;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Storage.Maintenance;

namespace Allot.Cli.Commands;

/// <summary><c>allot followups plan|due|export</c>: the follow-up and care plan per rep.</summary>
internal static class FollowUpsCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("followups", "Follow-up plan: tasks per rep from the cadence by tier, segment and stage, new customers, "
            + "churn warnings and care dates");
        var rules = RulesFile.RulesOption();
        var today = RulesFile.TodayOption();

        var weeks = new Option<int?>("--weeks") { Description = "Weeks ahead (default: the rules' followups.horizon_weeks, 4)" };
        var by = RulesFile.ByOption();
        var plan = new Command("plan", "Replace the stored plan and print each rep's workload: overdue follow-ups and tasks per week") { weeks, rules, today, by };
        plan.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: false);
            int n = p.GetValue(weeks) ?? r.FollowUps.HorizonWeeks;
            if (n is < 1 or > 104) throw new UsageException("--weeks: expected 1 to 104");
            var day = RulesFile.Today(ctx, today);
            using var store = ctx.OpenStore();
            var options = new JobOptions("plan", day, p.GetValue(by) ?? Environment.UserName, JobSteps.Plan, n).WithValueModel(store);
            using var session = store.BeginMaintenance();
            var result = DailyJob.Run(session, r, options);
            session.Commit();
            PrintWorkload(ctx, Workload.Of(result.Tasks, day, n));
            ctx.Err.WriteLine($"plan of {RulesFile.Iso(day)} stored: {result.Summary}");
            return 0;
        }));

        var rep = new Option<string?>("--rep") { Description = "Only this rep's tasks" };
        var days = new Option<int>("--days") { Description = "Tasks due within this many days from today (default 7); overdue ones always", DefaultValueFactory = _ => 7 };
        var overdueOnly = new Option<bool>("--overdue") { Description = "Only overdue follow-ups" };
        var due = new Command("due", "Tasks due soon and overdue, from the stored plan") { rep, days, overdueOnly, today };
        due.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var day = RulesFile.Today(ctx, today);
            var last = day.AddDays(Math.Max(1, p.GetValue(days)) - 1);
            var tasks = StoredTasks(ctx, p.GetValue(rep))
                .Where(t => p.GetValue(overdueOnly) ? t.IsOverdue(day) && !FollowUpKinds.IsCare(t.Kind) : t.Due <= last).ToList();
            PrintTasks(ctx, tasks, day);
            ctx.Err.WriteLine($"{tasks.Count(t => t.IsOverdue(day) && !FollowUpKinds.IsCare(t.Kind))} overdue, {tasks.Count(t => !t.IsOverdue(day))} due by {RulesFile.Iso(last)}");
            return 0;
        }));

        var exportRep = new Option<string>("--rep") { Description = "The rep whose tasks to export", Required = true };
        var output = new Option<string?>("--out") { Description = "File to write (default: stdout)" };
        var export = new Command("export", "A rep's plan as a calendar (--format ics, RFC 5545) or rows (table, json, csv)") { exportRep, output };
        export.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            string repKey = p.GetValue(exportRep)!;
            var tasks = StoredTasks(ctx, repKey).ToList();
            if (tasks.Count == 0) ctx.Err.WriteLine($"note: no tasks for rep {repKey} in the stored plan (run `allot followups plan` first?)");
            var writer = p.GetValue(output) is { } path ? new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) : null;
            try
            {
                var target = writer ?? ctx.Out;
                if (p.GetValue(GlobalOptions.Format) == OutputFormat.Ics)
                    target.Write(ICalendar.Write(tasks, $"Allot follow-ups {repKey}", ctx.Clock.GetUtcNow()));
                else
                    PrintTasks(new CliContext(p, target, ctx.Err), tasks, DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime));
            }
            finally { writer?.Dispose(); }
            if (p.GetValue(output) is { } written) ctx.Err.WriteLine($"wrote {tasks.Count} task(s) to {Path.GetFullPath(written)}");
            return 0;
        }));

        command.Subcommands.Add(plan);
        command.Subcommands.Add(due);
        command.Subcommands.Add(export);
        return command;
    }

    private static List<FollowUpTask> StoredTasks(CliContext ctx, string? rep)
    {
        using var store = ctx.OpenStore();
        using var session = store.BeginMaintenance(write: false);
        return [.. session.ReadTasks(rep)];
    }

    private static void PrintTasks(CliContext ctx, IReadOnlyList<FollowUpTask> tasks, DateOnly day) =>
        ctx.Printer.Rows(["rep", "due", "overdue_days", "customer", "name", "kind", "reason", "event_date", "message_zh", "message_en"],
            tasks.Select(t => new object?[]
            {
                t.RepKey, t.Due, t.IsOverdue(day) ? day.DayNumber - t.Due.DayNumber : null, t.CustomerKey, t.CustomerName,
                FollowUpKinds.Name(t.Kind), t.Reason, t.EventDate, t.MessageZh, t.MessageEn,
            }));

    private static void PrintWorkload(CliContext ctx, IReadOnlyList<RepWorkload> loads)
    {
        if (ctx.Format == OutputFormat.Json)
        {
            ctx.Printer.Json(new JsonArray([.. loads.Select(l => (JsonNode?)new JsonObject
            {
                ["rep"] = l.RepKey, ["overdue"] = l.Overdue, ["total"] = l.Total,
                ["weeks"] = new JsonArray([.. l.Weeks.Select(w => (JsonNode?)new JsonObject
                {
                    ["week_start"] = RulesFile.Iso(w.WeekStart), ["followups"] = w.FollowUps, ["care"] = w.Care,
                })]),
            })]));
            return;
        }
        var weekNames = loads.FirstOrDefault()?.Weeks.Select(w => "week_" + RulesFile.Iso(w.WeekStart)).ToList() ?? [];
        ctx.Printer.Rows(["rep", "overdue", .. weekNames, "total"],
            loads.Select(l => (object?[])[l.RepKey, l.Overdue, .. l.Weeks.Select(w => (object?)(w.FollowUps + w.Care)), l.Total]));
    }
}
