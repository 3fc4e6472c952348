namespace Allot.Core.Maintenance;

/// <summary>The steps of the daily job; <c>allot daily</c> runs them all, the single commands one each.</summary>
[Flags]
public enum JobSteps
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Warn owners and return customers to the pool.</summary>
    Reclaim = 1,

    /// <summary>Replace the stored follow-up and care plan.</summary>
    Plan = 2,

    /// <summary>Raise alerts and build the digest.</summary>
    Alerts = 4,

    /// <summary>Every step.</summary>
    All = Reclaim | Plan | Alerts,
}
