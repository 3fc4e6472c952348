namespace Allot.Core.Maintenance;

/// <summary>When an owned customer returns to the pool (回收), as it applies to one customer.</summary>
/// <remarks>Both clocks start at the later of the last activity and the day the owner took the customer over, so a
/// rep who has just claimed a customer is never reclaimed for what happened before. The earlier of the two due
/// dates counts.</remarks>
/// <param name="NoInteractionDays">Reclaimed after this many days without a follow-up (interaction); null: never for this reason.</param>
/// <param name="NoOrderDays">Reclaimed after this many days without an order; null: never for this reason.</param>
/// <param name="WarnDays">The owner is warned this many days before; 0 for no warning.</param>
/// <param name="ExemptKeyAccounts">Key accounts (重点客户) are never reclaimed.</param>
/// <param name="ExemptTags">Customers carrying any of these tags (e.g. "locked", 锁定) are never reclaimed.</param>
/// <param name="Exempt">Never reclaimed at all (e.g. a tier kept by hand).</param>
public sealed record ReclaimRule(
    int? NoInteractionDays,
    int? NoOrderDays,
    int WarnDays,
    bool ExemptKeyAccounts,
    IReadOnlyList<string> ExemptTags,
    bool Exempt);
