namespace Allot.Core.Pool;

/// <summary>What happened to a customer with respect to the pool (公海).</summary>
/// <remarks>The store applies each kind the same way: <see cref="Reclaimed"/>, <see cref="Released"/> and
/// <see cref="Pooled"/> leave the customer without owner and in the pool; <see cref="Claimed"/> and
/// <see cref="Assigned"/> give it the event's rep and make it active; <see cref="Warned"/> changes nothing but the
/// standing warning. Every change of owner is also written to the owner history.</remarks>
public enum PoolEventKind
{
    /// <summary>The owner was warned that the customer returns to the pool on a due date unless followed up (预警).</summary>
    Warned,

    /// <summary>Returned to the pool by the rules (回收): no follow-up or no order for too long, or the owner left.</summary>
    Reclaimed,

    /// <summary>Given back to the pool by its owner or a manager (释放).</summary>
    Released,

    /// <summary>A customer without owner put into the pool (e.g. imported without owner).</summary>
    Pooled,

    /// <summary>Taken from the pool by a rep (领取), within the claim limits.</summary>
    Claimed,

    /// <summary>Given from the pool to a rep by a manager (分配).</summary>
    Assigned,
}
