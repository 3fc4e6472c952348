using Allot.Core.Alerts;
using Allot.Core.Maintenance;

namespace Allot.Storage.Maintenance;

/// <summary>What a daily run did: the job's result and, with alerts, where the digest went.</summary>
/// <param name="Result">Reclaim, plan and alerts.</param>
/// <param name="DigestPath">The digest file, when alerts ran.</param>
/// <param name="Webhook">What happened to the webhook POST, in words.</param>
/// <param name="PostError">Why the POST failed (the day's work is committed anyway), else null.</param>
public sealed record DailyOutcome(JobResult Result, string? DigestPath, string Webhook, string? PostError);

/// <summary>The daily job as `allot daily` and the server's schedule run it: reclaim, plan and alerts in one
/// transaction with the value model's churn signals, then the digest file and its webhook POST (once a day).</summary>
public static class DailyRun
{
    /// <summary>Runs the job and delivers the digest.</summary>
    /// <param name="store">The store.</param>
    /// <param name="rules">The maintenance rules.</param>
    /// <param name="rulesPath">Where the rules came from (the digest folder may be relative to it).</param>
    /// <param name="options">Day, steps, who; the latest value run's P(alive) is added here.</param>
    /// <param name="post">POST the digest to the rules' webhook (when one is configured).</param>
    /// <param name="repost">POST even when today's digest was posted already.</param>
    public static DailyOutcome Run(IStore store, MaintenanceRules rules, string rulesPath, JobOptions options, bool post = true, bool repost = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        JobResult result;
        // Read before the session: on SQLite it holds the store's one connection in its transaction.
        var withValues = options.WithValueModel(store);
        using (var session = store.BeginMaintenance())
        {
            result = DailyJob.Run(session, rules, withValues);
            session.Commit();
        }
        if (!options.Steps.HasFlag(JobSteps.Alerts)) return new DailyOutcome(result, null, "no digest (alerts not run)", null);

        var digest = Digest.Build(options.Today, result.Alerts, rules);
        string json = digest.ToJson();
        string digestPath = DigestDelivery.Write(digest, DigestDelivery.Folder(rules, rulesPath, store.Location), json);
        if (rules.Alerts.WebhookUrl is not { } url) return new DailyOutcome(result, digestPath, "no webhook configured", null);
        if (!post) return new DailyOutcome(result, digestPath, "not posted (--no-post)", null);
        if (result.Previous?.DigestSentAt is { } sent && !repost)
            return new DailyOutcome(result, digestPath, $"posted already at {sent:yyyy-MM-dd HH:mm:ss}Z (--repost to send again)", null);
        if (DigestDelivery.Post(url, json, TimeSpan.FromSeconds(rules.Alerts.WebhookTimeoutSeconds)) is { } error)
            return new DailyOutcome(result, digestPath, "failed", error);
        using (var mark = store.BeginMaintenance())
        {
            mark.MarkDigestSent(options.Job, options.Today);
            mark.Commit();
        }
        return new DailyOutcome(result, digestPath, $"posted to {url}", null);
    }

    /// <summary>The rules file's default place: &lt;store&gt;.rules.json beside a SQLite store (./allot.rules.json for
    /// a PostgreSQL store).</summary>
    public static string DefaultRulesPath(string db)
    {
        if (StoreFactory.IsServer(db)) return Path.GetFullPath("allot.rules.json");
        string full = Path.GetFullPath(db);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + ".rules.json");
    }
}
