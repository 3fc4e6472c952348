namespace Allot.Core.Maintenance;

/// <summary>A daily job's record for one business day.</summary>
/// <param name="Job">The job: daily, reclaim, plan or alerts.</param>
/// <param name="Day">The business day it ran for.</param>
/// <param name="Runs">How many times it ran for that day (a re-run changes nothing but this count).</param>
/// <param name="FirstAt">When it first ran.</param>
/// <param name="LastAt">When it last ran.</param>
/// <param name="By">Who ran it last.</param>
/// <param name="Summary">What the last run did, in words.</param>
/// <param name="DigestSentAt">When the day's digest was posted to the webhook, if it was.</param>
public sealed record JobRun(string Job, DateOnly Day, int Runs, DateTimeOffset FirstAt, DateTimeOffset LastAt, string By, string Summary,
    DateTimeOffset? DigestSentAt);
