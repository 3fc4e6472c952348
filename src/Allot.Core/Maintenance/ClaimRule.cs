using Allot.Core.Reps;

namespace Allot.Core.Maintenance;

/// <summary>Limits on claiming (领取) from the pool, as they apply to one customer.</summary>
/// <remarks>Counts are per rep over every pool: claims on the same calendar day, claims in the same calendar month,
/// and the customers the rep owns (保有量 / 库容). A manager's direct assignment does not count as a claim and
/// ignores the cool-down, but never takes a rep past the ownership cap.</remarks>
/// <param name="PerDay">Claims per rep and day; null: no limit.</param>
/// <param name="PerMonth">Claims per rep and calendar month; null: no limit.</param>
/// <param name="CapByLevel">Most customers a rep of each level may own; a level not listed has no cap.</param>
/// <param name="CooldownDays">Days after losing a customer (reclaimed or released) before the same rep may claim it again.</param>
public sealed record ClaimRule(int? PerDay, int? PerMonth, IReadOnlyDictionary<RepLevel, int> CapByLevel, int CooldownDays);
