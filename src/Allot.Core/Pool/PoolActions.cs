using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Maintenance;

namespace Allot.Core.Pool;

/// <summary>A rep's claim, a manager's assignment and a release, each checked and written through one
/// <see cref="IMaintenanceBook"/> (one transaction), the customer's tasks re-planned for its new owner (or dropped).</summary>
public static class PoolActions
{
    /// <summary>A rep claims a customer from the pool, within the claim limits.</summary>
    /// <param name="book">The book, in a write transaction.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="customerKey">The customer.</param>
    /// <param name="repKey">The claiming rep.</param>
    /// <param name="by">Who claims (the rep's user, or a process).</param>
    /// <param name="today">The business day.</param>
    public static ClaimVerdict Claim(IMaintenanceBook book, MaintenanceRules rules, string customerKey, string repKey, string by, DateOnly today) =>
        Take(book, rules, customerKey, repKey, by, null, today);

    /// <summary>A manager gives a pool customer to a rep directly: not counted as the rep's claim and not held back by
    /// the cool-down, but within the rep's ownership cap.</summary>
    public static ClaimVerdict Assign(IMaintenanceBook book, MaintenanceRules rules, string customerKey, string repKey, string manager, DateOnly today) =>
        Take(book, rules, customerKey, repKey, manager, manager, today);

    /// <summary>Gives an owned customer back to the pool (its owner or a manager).</summary>
    /// <param name="book">The book, in a write transaction.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="customerKey">The customer.</param>
    /// <param name="by">Who releases it.</param>
    /// <param name="reason">Why, in words (recorded).</param>
    /// <param name="today">The business day.</param>
    public static ClaimVerdict Release(IMaintenanceBook book, MaintenanceRules rules, string customerKey, string by, string reason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(rules);
        var c = book.GetBookCustomer(customerKey);
        if (c is null) return new ClaimVerdict(ClaimRefusal.UnknownCustomer, $"no customer with key '{customerKey}'");
        if (c.Status == CustomerStatus.Pool) return new ClaimVerdict(ClaimRefusal.InPool, $"customer {customerKey} is in the pool already");
        if (c.Status == CustomerStatus.Lost || c.OwnerRepKey is null)
            return new ClaimVerdict(ClaimRefusal.Lost, $"customer {customerKey} has no owner to release it from ({c.Status.ToString().ToLowerInvariant()})");
        var pool = rules.For(c).Pool;
        book.Apply(new PoolEvent(c.Key, PoolEventKind.Released, pool.Name, c.OwnerRepKey, today, by, reason));
        DailyJob.Replan(book, rules, c.Key, today);
        return new ClaimVerdict(null, $"customer {customerKey} released by {by} from {c.OwnerRepKey} to pool {pool.Name}");
    }

    private static ClaimVerdict Take(IMaintenanceBook book, MaintenanceRules rules, string customerKey, string repKey, string by, string? manager, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(rules);
        var customer = book.GetBookCustomer(customerKey);
        var customerRules = customer is null ? null : rules.For(customer);
        var rep = book.GetRep(repKey);
        bool counts = customer is not null && rep is not null;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var facts = new ClaimFacts(customer, customerKey, customerRules, rep, repKey,
            counts ? book.CountOwned(repKey) : 0,
            counts ? book.CountEvents(repKey, PoolEventKind.Claimed, today, today) : 0,
            counts ? book.CountEvents(repKey, PoolEventKind.Claimed, monthStart, today) : 0,
            counts ? book.LastLost(customerKey, repKey) : null,
            manager, manager is not null && customerRules is not null && rules.IsManager(manager, customerRules.Pool), today);
        var verdict = ClaimRules.Check(facts);
        if (!verdict.Allowed) return verdict;
        string reason = manager is null
            ? string.Create(CultureInfo.InvariantCulture, $"claimed by {repKey} (claim {facts.ClaimsToday + 1} today, {facts.ClaimsThisMonth + 1} this month, owns {facts.Owned + 1})")
            : string.Create(CultureInfo.InvariantCulture, $"assigned by manager {manager} to {repKey} (owns {facts.Owned + 1})");
        book.Apply(new PoolEvent(customerKey, manager is null ? PoolEventKind.Claimed : PoolEventKind.Assigned, customerRules!.Pool.Name,
            repKey, today, by, reason));
        DailyJob.Replan(book, rules, customerKey, today);
        return verdict;
    }
}
