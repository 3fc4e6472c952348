using Allot.Core.Reps;

namespace Allot.Core.Maintenance;

/// <summary>The per-customer rules while the layers of a rules file are applied one over the other.</summary>
internal sealed class RuleState
{
    public int? NoInteractionDays = 60;
    public int? NoOrderDays = 365;
    public int WarnDays = 7;
    public bool ExemptKeyAccounts = true;
    public List<string> ExemptTags = ["locked", "锁定"];
    public bool Exempt;
    public int? PerDay = 10;
    public int? PerMonth = 100;
    public Dictionary<RepLevel, int> CapByLevel = new() { [RepLevel.Junior] = 200, [RepLevel.Mid] = 300, [RepLevel.Senior] = 500 };
    public int CooldownDays = 30;
    public int? FollowUpDays = 45;
    public decimal? CreditLimit;
    public readonly List<string> Origin = [];

    public CustomerRules Freeze(PoolDefinition pool) => new(
        pool,
        new ReclaimRule(NoInteractionDays, NoOrderDays, WarnDays, ExemptKeyAccounts, [.. ExemptTags], Exempt),
        new ClaimRule(PerDay, PerMonth, new Dictionary<RepLevel, int>(CapByLevel), CooldownDays),
        FollowUpDays,
        CreditLimit,
        Origin.Count == 0 ? "built-in defaults" : string.Join(", ", Origin));
}
