using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Maintenance;

namespace Allot.Core.Pool;

/// <summary>Decides, for one customer on one day, whether its owner is warned or it returns to the pool.</summary>
/// <remarks>
/// <para>A customer is due back in the pool on the earlier of: the later of its last interaction and its owner's
/// takeover, plus <see cref="ReclaimRule.NoInteractionDays"/>; the later of its last order and the takeover, plus
/// <see cref="ReclaimRule.NoOrderDays"/>. When neither the takeover nor the activity is known, its first-contact
/// date stands in; when nothing is known it is not due.</para>
/// <para>The owner is always warned <see cref="ReclaimRule.WarnDays"/> days ahead: the warning goes out once the
/// due date is that close, announcing the due date (or, when the warning comes late — the job did not run, or the
/// customer came in already overdue — today plus the warning days), and the customer returns on the later of the
/// due date and the warning day plus the warning days. A warning stands while it was given to the current owner
/// during its ownership and announced no earlier a date than the current due date; a follow-up or an order moves
/// the due date past it, and a new warning is given when the new date comes close.</para>
/// <para>Exempt customers (key accounts, locked tags, exempt layers) are never warned or reclaimed. A customer
/// whose owner is unknown or inactive returns at once, without warning. An active customer without owner, or a
/// pool customer that still names an owner, is put (back) into the pool (<see cref="PoolEventKind.Pooled"/>), so
/// no customer stays without owner outside the pool. Lost customers are left alone.</para>
/// </remarks>
public static class Reclaimer
{
    /// <summary>The decision for one customer, or null when nothing is to happen today.</summary>
    /// <param name="customer">The customer with its activity, classes and standing warning.</param>
    /// <param name="rules">Its rules (<see cref="MaintenanceRules.For(BookCustomer)"/>).</param>
    /// <param name="ownerActive">True when its owner is a known, active rep.</param>
    /// <param name="today">The business day.</param>
    /// <param name="by">Who decides (recorded with the event), e.g. "daily".</param>
    public static PoolEvent? Decide(BookCustomer customer, CustomerRules rules, bool ownerActive, DateOnly today, string by)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        string pool = rules.Pool.Name;
        switch (customer.Status)
        {
            case CustomerStatus.Lost:
                return null;
            case CustomerStatus.Pool:
                return customer.OwnerRepKey is null ? null
                    : new PoolEvent(customer.Key, PoolEventKind.Pooled, pool, customer.OwnerRepKey, today, by,
                        $"in the pool but still owned by {customer.OwnerRepKey}; owner cleared");
        }
        if (customer.OwnerRepKey is not { } owner)
            return new PoolEvent(customer.Key, PoolEventKind.Pooled, pool, null, today, by, "active without an owner; put into the pool");
        if (ExemptReason(customer, rules.Reclaim) is not null) return null;
        if (!ownerActive)
            return new PoolEvent(customer.Key, PoolEventKind.Reclaimed, pool, owner, today, by, $"owner {owner} is not an active rep");

        if (Due(customer, rules) is not { } due) return null;
        var rule = rules.Reclaim;
        var standing = Standing(customer, rule, due);
        DateOnly? returnOn = standing?.Due ?? (rule.WarnDays == 0 ? due.Date : null);
        if (returnOn is { } r && today >= r)
            return new PoolEvent(customer.Key, PoolEventKind.Reclaimed, pool, owner, today, by,
                due.Why + (standing is null ? "" : $"; warned on {Iso(standing.On)}") + $" ({rules.Origin})");
        if (rule.WarnDays > 0 && standing is null && today >= due.Date.AddDays(-rule.WarnDays))
        {
            var announced = Max(due.Date, today.AddDays(rule.WarnDays));
            return new PoolEvent(customer.Key, PoolEventKind.Warned, pool, owner, today, by,
                $"returns to pool {pool} on {Iso(announced)} unless {due.Remedy}: {due.Why} ({rules.Origin})", announced);
        }
        return null;
    }

    /// <summary>The owner's standing warning with the day the customer returns to the pool unless something happens,
    /// or null when there is none (never warned, the warning went to an earlier owner, or activity since moved the
    /// due date past the one announced).</summary>
    public static PoolWarning? StandingWarning(BookCustomer customer, CustomerRules rules)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        if (customer.Status != CustomerStatus.Active || customer.OwnerRepKey is null || customer.Warning is null) return null;
        if (ExemptReason(customer, rules.Reclaim) is not null || Due(customer, rules) is not { } due) return null;
        return Standing(customer, rules.Reclaim, due);
    }

    private static PoolWarning? Standing(BookCustomer customer, ReclaimRule rule, ReclaimDue due)
    {
        var w = customer.Warning;
        if (w is null || w.RepKey != customer.OwnerRepKey || (customer.OwnerSince is { } since && w.On < since) || w.Due < due.Date) return null;
        return w with { Due = Max(due.Date, w.On.AddDays(rule.WarnDays)) };
    }

    /// <summary>Why a customer is never reclaimed, or null when it may be.</summary>
    public static string? ExemptReason(BookCustomer customer, ReclaimRule rule)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Exempt) return "exempt by the rules";
        if (rule.ExemptKeyAccounts && customer.KeyAccount) return "key account";
        foreach (string tag in customer.Tags)
            if (rule.ExemptTags.Contains(tag, StringComparer.Ordinal)) return $"tagged '{tag}'";
        return null;
    }

    /// <summary>The day an owned customer is due back in the pool and why, or null when no rule applies or nothing
    /// is known to start the clock from.</summary>
    public static ReclaimDue? Due(BookCustomer customer, CustomerRules rules)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        var rule = rules.Reclaim;
        DateOnly? start = customer.OwnerSince ?? customer.CreatedDate;
        ReclaimDue? best = null;
        if (rule.NoInteractionDays is int n && Later(customer.LastInteraction, start) is { } fromI)
        {
            string since = customer.LastInteraction is { } li && li >= fromI ? $"last follow-up {Iso(li)}" : $"no follow-up since taken over on {Iso(fromI)}";
            best = new ReclaimDue(fromI.AddDays(n), $"{since}, limit {n} days without follow-up", "followed up");
        }
        if (rule.NoOrderDays is int m && Later(customer.LastOrder, start) is { } fromO)
        {
            var due = fromO.AddDays(m);
            if (best is null || due < best.Date)
            {
                string since = customer.LastOrder is { } lo && lo >= fromO ? $"last order {Iso(lo)}" : $"no order since taken over on {Iso(fromO)}";
                best = new ReclaimDue(due, $"{since}, limit {m} days without order", "it orders");
            }
        }
        return best;
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : Max(a.Value, b.Value);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Iso(DateOnly d) => IsoDate.Format(d);
}
