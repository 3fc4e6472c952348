namespace Allot.Core.Maintenance;

/// <summary>Every rule that applies to one customer: its pool and the layers of the rules file resolved for its
/// tier, segment and lifecycle stage.</summary>
/// <param name="Pool">The pool the customer belongs to (by region).</param>
/// <param name="Reclaim">When it returns to the pool.</param>
/// <param name="Claim">How it may be claimed.</param>
/// <param name="FollowUpDays">Follow-up cadence in days; null: no cadence follow-ups.</param>
/// <param name="CreditLimit">Most the customer may owe; null: no limit.</param>
/// <param name="Origin">The layers that were applied, in order, e.g. "defaults, tier A, pool east" (for reasons).</param>
public sealed record CustomerRules(
    PoolDefinition Pool,
    ReclaimRule Reclaim,
    ClaimRule Claim,
    int? FollowUpDays,
    decimal? CreditLimit,
    string Origin);
