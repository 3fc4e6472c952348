using System.CommandLine;
using System.Text.Json.Nodes;
using Allot.Cli.Output;
using Allot.Core.Alerts;
using Allot.Core.Maintenance;
using Allot.Storage.Maintenance;

namespace Allot.Cli.Commands;

/// <summary><c>allot alerts</c>: overdue follow-ups, receivables, credit limits, churn warnings, customers about to be reclaimed.</summary>
internal static class AlertsCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var rep = new Option<string?>("--rep") { Description = "Only this rep's alerts" };
        var kind = new Option<string?>("--kind") { Description = "Only this kind: " + string.Join(", ", AlertKinds.All.Select(AlertKinds.Name)) };
        var digest = new Option<bool>("--digest") { Description = "Also write the digest per rep and manager to a file and POST it to the rules' webhook" };
        var rules = RulesFile.RulesOption();
        var today = RulesFile.TodayOption();
        var command = new Command("alerts", "Alerts: overdue follow-ups, receivables overdue or above the credit limit, churn warnings, "
            + "customers about to return to the pool") { rep, kind, digest, rules, today };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            string? kindName = p.GetValue(kind);
            if (kindName is not null && !AlertKinds.All.Any(k => AlertKinds.Name(k) == kindName))
                throw new UsageException($"unknown --kind '{kindName}'; expected {string.Join(", ", AlertKinds.All.Select(AlertKinds.Name))}");
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: false);
            var day = RulesFile.Today(ctx, today);
            using var store = ctx.OpenStore();
            JobResult result;
            var options = new JobOptions("alerts", day, Environment.UserName, JobSteps.Alerts, r.FollowUps.HorizonWeeks).WithValueModel(store);
            using (var session = store.BeginMaintenance())
            {
                result = DailyJob.Run(session, r, options);
                session.Commit();
            }
            var shown = result.Alerts.Where(a => (p.GetValue(rep) is not { } rk || a.RepKey == rk) && (kindName is null || AlertKinds.Name(a.Kind) == kindName))
                .OrderBy(a => a.RepKey ?? "", StringComparer.Ordinal).ThenBy(a => a.Date).ThenBy(a => a.Kind).ThenBy(a => a.CustomerKey, StringComparer.Ordinal).ToList();
            Print(ctx, day, shown);
            ctx.Err.WriteLine($"{shown.Count} alert(s): " + string.Join(", ", AlertKinds.All.Select(k => $"{AlertKinds.Name(k)} {shown.Count(a => a.Kind == k)}")));
            if (p.GetValue(digest))
            {
                var built = Digest.Build(day, result.Alerts, r);
                string json = built.ToJson();
                string rulesPath = RulesFile.PathFor(ctx, p.GetValue(rules));
                string path = DigestDelivery.Write(built, DigestDelivery.Folder(r, rulesPath, store.Location), json);
                ctx.Err.WriteLine($"digest written to {path}");
                if (r.Alerts.WebhookUrl is { } url)
                {
                    if (DigestDelivery.Post(url, json, TimeSpan.FromSeconds(r.Alerts.WebhookTimeoutSeconds)) is { } error)
                        throw new IOException($"digest not posted: {error}");
                    ctx.Err.WriteLine($"digest posted to {url}");
                }
            }
            return 0;
        }));
        return command;
    }

    private static void Print(CliContext ctx, DateOnly day, IReadOnlyList<Alert> alerts)
    {
        if (ctx.Format == OutputFormat.Json)
        {
            ctx.Printer.Json(new JsonObject
            {
                ["day"] = RulesFile.Iso(day),
                ["counts"] = new JsonObject(AlertKinds.All.Select(k => KeyValuePair.Create(AlertKinds.Name(k), (JsonNode?)JsonValue.Create(alerts.Count(a => a.Kind == k))))),
                ["alerts"] = new JsonArray([.. alerts.Select(a => (JsonNode?)new JsonObject
                {
                    ["kind"] = AlertKinds.Name(a.Kind), ["customer"] = a.CustomerKey, ["name"] = a.CustomerName, ["rep"] = a.RepKey, ["pool"] = a.Pool,
                    ["date"] = RulesFile.Iso(a.Date), ["amount"] = a.Amount, ["message"] = a.Message,
                })]),
            });
            return;
        }
        ctx.Printer.Rows(["kind", "customer", "name", "rep", "pool", "date", "amount", "message"],
            alerts.Select(a => new object?[] { AlertKinds.Name(a.Kind), a.CustomerKey, a.CustomerName, a.RepKey, a.Pool, a.Date, a.Amount, a.Message }));
    }
}
