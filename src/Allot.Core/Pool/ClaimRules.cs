using System.Globalization;
using Allot.Core.Customers;

namespace Allot.Core.Pool;

/// <summary>Decides whether a rep may claim a pool customer, or a manager assign one, from facts read in the same
/// transaction that will write the result.</summary>
/// <remarks>Checks, in order: the customer exists and is in the pool; the rep exists and is active; the pool serves
/// the rep (a claim) or the user manages the pool (an assignment); the rep's ownership cap for its level; then, for
/// a claim only, the claims per day and per month and the cool-down after losing the same customer. The first
/// failing check is the answer.</remarks>
public static class ClaimRules
{
    /// <summary>The verdict for a claim (<see cref="ClaimFacts.Manager"/> null) or an assignment.</summary>
    public static ClaimVerdict Check(ClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string key = facts.CustomerKey, rep = facts.RepKey;
        if (facts.Customer is not { } c || facts.Rules is not { } rules)
            return new ClaimVerdict(ClaimRefusal.UnknownCustomer, $"no customer with key '{key}'");
        if (c.Status != CustomerStatus.Pool || c.OwnerRepKey is not null)
        {
            if (c.Status == CustomerStatus.Lost && c.OwnerRepKey is null)
                return new ClaimVerdict(ClaimRefusal.Lost, $"customer {key} is lost, not in the pool");
            if (c.OwnerRepKey == rep)
                return new ClaimVerdict(ClaimRefusal.AlreadyYours, $"customer {key} is not in the pool: {rep} owns it already" + Since(c.OwnerSince));
            return new ClaimVerdict(ClaimRefusal.OwnedByAnother,
                $"customer {key} is not in the pool: it belongs to {c.OwnerRepKey ?? "nobody (not in the pool)"}" + Since(c.OwnerSince));
        }
        if (facts.Rep is not { } r) return new ClaimVerdict(ClaimRefusal.UnknownRep, $"no rep with key '{rep}'");
        if (!r.Active) return new ClaimVerdict(ClaimRefusal.InactiveRep, $"rep {rep} is inactive");
        var pool = rules.Pool;
        if (facts.Manager is { } manager)
        {
            if (!facts.ManagesPool) return new ClaimVerdict(ClaimRefusal.NotManager, $"{manager} is not a manager of pool {pool.Name}");
        }
        else if (!pool.Serves(r))
            return new ClaimVerdict(ClaimRefusal.NotServed, $"pool {pool.Name} does not serve rep {rep} (team {r.Team ?? "none"})");
        var claim = rules.Claim;
        if (claim.CapByLevel.TryGetValue(r.Level, out int cap) && facts.Owned >= cap)
            return new ClaimVerdict(ClaimRefusal.OwnershipCap,
                $"rep {rep} owns {facts.Owned} customers; the cap for {r.Level.ToString().ToLowerInvariant()} reps is {cap}");
        if (facts.Manager is null)
        {
            if (claim.PerDay is int perDay && facts.ClaimsToday >= perDay)
                return new ClaimVerdict(ClaimRefusal.DailyLimit, $"rep {rep} has claimed {facts.ClaimsToday} customers today; the limit is {perDay} a day");
            if (claim.PerMonth is int perMonth && facts.ClaimsThisMonth >= perMonth)
                return new ClaimVerdict(ClaimRefusal.MonthlyLimit, $"rep {rep} has claimed {facts.ClaimsThisMonth} customers this month; the limit is {perMonth} a month");
            if (facts.LostOn is { } lost && claim.CooldownDays > 0 && facts.Today < lost.AddDays(claim.CooldownDays))
                return new ClaimVerdict(ClaimRefusal.CoolDown,
                    $"rep {rep} lost customer {key} on {Iso(lost)}; it may claim it again from {Iso(lost.AddDays(claim.CooldownDays))} (cool-down {claim.CooldownDays} days)");
            return new ClaimVerdict(null, $"rep {rep} claimed customer {key} from pool {pool.Name}");
        }
        return new ClaimVerdict(null, $"manager {facts.Manager} assigned customer {key} from pool {pool.Name} to rep {rep}");
    }

    private static string Since(DateOnly? since) => since is { } d ? $" (since {Iso(d)})" : "";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
