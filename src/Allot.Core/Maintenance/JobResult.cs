using Allot.Core.Alerts;
using Allot.Core.FollowUps;
using Allot.Core.Pool;

namespace Allot.Core.Maintenance;

/// <summary>What a daily job did (or, dry, would do).</summary>
/// <param name="Options">How it ran.</param>
/// <param name="Customers">Customers read.</param>
/// <param name="Events">Pool events, in customer key order.</param>
/// <param name="Exempt">Owned customers exempt from reclaiming (key accounts, locked tags, exempt layers).</param>
/// <param name="Tasks">The plan (follow-up and care tasks) in customer key order; empty when neither planned nor alerted.</param>
/// <param name="Alerts">The alerts; empty when not asked for.</param>
/// <param name="Previous">The job's record for the same day before this run, if it had run already.</param>
public sealed record JobResult(JobOptions Options, int Customers, IReadOnlyList<PoolEvent> Events, int Exempt, IReadOnlyList<FollowUpTask> Tasks,
    IReadOnlyList<Alert> Alerts, JobRun? Previous)
{
    /// <summary>Events of one kind.</summary>
    public int Count(PoolEventKind kind) => Events.Count(e => e.Kind == kind);

    /// <summary>Follow-ups (not care) due before the day.</summary>
    public int Overdue => Tasks.Count(t => !FollowUpKinds.IsCare(t.Kind) && t.Due < Options.Today);

    /// <summary>One line saying what happened.</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string> { $"{Customers} customers" };
            var steps = Options.Steps;
            if (steps.HasFlag(JobSteps.Reclaim))
                parts.Add($"{Count(PoolEventKind.Warned)} warned, {Count(PoolEventKind.Reclaimed)} reclaimed, {Count(PoolEventKind.Pooled)} pooled, {Exempt} exempt");
            if (steps.HasFlag(JobSteps.Plan) || (steps.HasFlag(JobSteps.Alerts) && Tasks.Count > 0))
                parts.Add($"{Tasks.Count} tasks ({Overdue} overdue)");
            if (steps.HasFlag(JobSteps.Alerts)) parts.Add($"{Alerts.Count} alerts");
            return string.Join("; ", parts);
        }
    }
}
