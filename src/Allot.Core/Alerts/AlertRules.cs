using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;

namespace Allot.Core.Alerts;

/// <summary>Raises a customer's alerts on a day from its plan, receivables, churn warning and reclaim standing.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>followup_overdue</b>: its earliest follow-up task (not care) is due before today.</item>
/// <item><b>receivable_overdue</b>: invoices unpaid more than the grace days after their due date; the amount is the
/// overdue sum, the date the oldest due date.</item>
/// <item><b>credit_limit</b>: it owes more than its <see cref="CustomerRules.CreditLimit"/>.</item>
/// <item><b>churn_warning</b>: a churn warning with no interaction since it was raised.</item>
/// <item><b>reclaim_soon</b>: its owner has been warned that it returns to the pool (see <see cref="Reclaimer"/>).</item>
/// </list>
/// Alerts of owned customers go to the owner; those of pool customers (receivables only) to the pool's managers.
/// Lost customers raise receivable alerts only.
/// </remarks>
public static class AlertRules
{
    /// <summary>Adds the customer's alerts to <paramref name="into"/>.</summary>
    /// <param name="customer">The customer after today's pool decisions.</param>
    /// <param name="rules">Its rules.</param>
    /// <param name="tasks">Its tasks in the plan (any order).</param>
    /// <param name="receivable">What it owes, if anything.</param>
    /// <param name="churn">Its churn warning, if any.</param>
    /// <param name="warning">The standing warning that it returns to the pool, if any.</param>
    /// <param name="today">The business day.</param>
    /// <param name="into">Receives the alerts.</param>
    public static void ForCustomer(BookCustomer customer, CustomerRules rules, IEnumerable<FollowUpTask> tasks, ReceivableStanding? receivable,
        ChurnSignal? churn, PoolWarning? warning, DateOnly today, ICollection<Alert> into)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(into);
        string pool = rules.Pool.Name, name = customer.Name;
        bool owned = customer.Status == CustomerStatus.Active && customer.OwnerRepKey is not null;
        string? rep = owned ? customer.OwnerRepKey : null;
        if (owned)
        {
            FollowUpTask? overdue = null;
            foreach (var t in tasks)
                if (!FollowUpKinds.IsCare(t.Kind) && t.Due < today && (overdue is null || t.Due < overdue.Due)) overdue = t;
            if (overdue is not null)
                into.Add(new Alert(AlertKind.FollowUpOverdue, customer.Key, name, rep, pool, overdue.Due, null,
                    string.Create(CultureInfo.InvariantCulture, $"follow-up overdue by {today.DayNumber - overdue.Due.DayNumber} days: {overdue.Reason}")));
        }
        if (receivable is not null)
        {
            if (receivable.Overdue > 0 && receivable.OldestOverdue is { } oldest)
                into.Add(new Alert(AlertKind.ReceivableOverdue, customer.Key, name, rep, pool, oldest, receivable.Overdue,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{receivable.OverdueInvoices} invoice(s) overdue, {receivable.Overdue:0.00} unpaid, the oldest due {Iso(oldest)} ({today.DayNumber - oldest.DayNumber} days)")));
            if (rules.CreditLimit is decimal limit && receivable.Open > limit)
                into.Add(new Alert(AlertKind.CreditLimit, customer.Key, name, rep, pool, today, receivable.Open,
                    string.Create(CultureInfo.InvariantCulture, $"owes {receivable.Open:0.00}, above its credit limit {limit:0.00} ({rules.Origin})")));
        }
        if (!owned) return;
        if (churn is not null && (customer.LastInteraction is not { } last || last < churn.Since))
            into.Add(new Alert(AlertKind.ChurnWarning, customer.Key, name, rep, pool, churn.Since, null,
                $"churn warning since {Iso(churn.Since)} ({churn.Why}) and no follow-up since"));
        if (warning is not null)
            into.Add(new Alert(AlertKind.ReclaimSoon, customer.Key, name, rep, pool, warning.Due, null,
                $"returns to pool {pool} on {Iso(warning.Due)} unless followed up (warned {Iso(warning.On)})"));
    }

    private static string Iso(DateOnly d) => IsoDate.Format(d);
}
