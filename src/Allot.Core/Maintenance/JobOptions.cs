namespace Allot.Core.Maintenance;

/// <summary>How a daily job runs.</summary>
/// <param name="Job">The job's name, recorded per day: daily, reclaim, plan or alerts.</param>
/// <param name="Today">The business day it runs for.</param>
/// <param name="By">Who runs it (recorded with every event).</param>
/// <param name="Steps">What it does.</param>
/// <param name="Weeks">How many weeks the plan reaches ahead.</param>
/// <param name="DryRun">Decide and report, but write no decision (the caller rolls the transaction back).</param>
public sealed record JobOptions(string Job, DateOnly Today, string By, JobSteps Steps, int Weeks, bool DryRun = false)
{
    /// <summary>The value model's probability that each customer is still active, by customer key — the hook for the
    /// value-model runs (issue: value models). Null while no value-model run exists: churn warnings then come from
    /// the lifecycle stage alone.</summary>
    public IReadOnlyDictionary<string, double>? AliveProbability { get; init; }

    /// <summary>The as-of date of the value-model run <see cref="AliveProbability"/> comes from.</summary>
    public DateOnly? ValuedOn { get; init; }
}
