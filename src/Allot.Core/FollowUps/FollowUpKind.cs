namespace Allot.Core.FollowUps;

/// <summary>Why a task is in the plan.</summary>
public enum FollowUpKind
{
    /// <summary>The tier's, segment's or stage's cadence (e.g. A every 30 days) came round since the last interaction.</summary>
    Cadence,

    /// <summary>A new customer, followed up within days of its first order.</summary>
    NewCustomer,

    /// <summary>A churn warning (a declining or dormant stage, or a value model's low probability of being active).</summary>
    Churn,

    /// <summary>Care: the customer's birthday.</summary>
    Birthday,

    /// <summary>Care: the anniversary of the first order.</summary>
    Anniversary,

    /// <summary>Care: a holiday of the care calendar.</summary>
    Holiday,
}
