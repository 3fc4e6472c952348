using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Maintenance;

namespace Allot.Core.FollowUps;

/// <summary>Turns a customer's cadence, newness and churn warning into its owner's follow-up tasks up to a horizon.</summary>
/// <remarks>
/// <para>Only active customers with an owner are planned. The next follow-up is the earliest of: the cadence
/// (<see cref="CustomerRules.FollowUpDays"/>) after the last interaction — or, with none, after the owner took the
/// customer over or its first contact; <see cref="FollowUpSettings.NewCustomerDays"/> after a first order of the
/// last <see cref="FollowUpSettings.NewCustomerWindowDays"/> days that has had no interaction since; and
/// <see cref="FollowUpSettings.ChurnDays"/> after a churn warning that has had no interaction since. On a tie the
/// churn reason is named before the new-customer one, and that before the cadence.</para>
/// <para>A logged interaction resets the clock: every date above is measured from it, so the next plan moves the
/// task. A next follow-up before today is overdue and stays in the plan, dated when it was due. After it the
/// cadence repeats from the later of its date and today, up to the horizon.</para>
/// </remarks>
public static class FollowUpPlanner
{
    /// <summary>Adds the customer's follow-up tasks due on or before <paramref name="until"/> to <paramref name="into"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="rules">Its rules (cadence).</param>
    /// <param name="settings">New-customer and churn settings.</param>
    /// <param name="churn">Its churn warning, if any (<see cref="ChurnSignals"/>).</param>
    /// <param name="today">The business day.</param>
    /// <param name="until">Last day of the horizon.</param>
    /// <param name="into">Receives the tasks, earliest first.</param>
    public static void Plan(BookCustomer customer, CustomerRules rules, FollowUpSettings settings, ChurnSignal? churn, DateOnly today, DateOnly until,
        ICollection<FollowUpTask> into)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(into);
        if (customer.Status != CustomerStatus.Active || customer.OwnerRepKey is not { } rep) return;
        var last = customer.LastInteraction;
        // Candidates first, words only for the one chosen: a plan decides this for most of the book every day.
        (DateOnly Due, FollowUpKind Kind)? next = null;
        void Offer(DateOnly due, FollowUpKind kind)
        {
            if (next is null || due < next.Value.Due) next = (due, kind);
        }

        if (churn is not null && (last is null || last < churn.Since)) Offer(churn.Since.AddDays(settings.ChurnDays), FollowUpKind.Churn);
        if (customer.FirstOrder is { } first && first >= today.AddDays(-settings.NewCustomerWindowDays) && (last is null || last < first))
            Offer(first.AddDays(settings.NewCustomerDays), FollowUpKind.NewCustomer);
        int? cadence = rules.FollowUpDays;
        var from = last ?? customer.OwnerSince ?? customer.CreatedDate;
        if (cadence is int days && from is { } f) Offer(f.AddDays(days), FollowUpKind.Cadence);
        if (next is not { } n || n.Due > until) return;
        string reason = n.Kind switch
        {
            FollowUpKind.Churn => $"churn warning since {Iso(churn!.Since)} ({churn.Why}): follow up within {settings.ChurnDays} days",
            FollowUpKind.NewCustomer => $"new customer: first order {Iso(customer.FirstOrder!.Value)}, follow up within {settings.NewCustomerDays} days",
            _ => string.Create(CultureInfo.InvariantCulture, $"every {cadence} days ({rules.Origin}); ")
                + (last is { } l ? "last follow-up " + Iso(l) : "no follow-up yet, owned since " + Iso(from!.Value)),
        };
        string name = customer.Name;
        into.Add(new FollowUpTask(customer.Key, name, rep, n.Kind, n.Due, reason));
        if (cadence is not int step) return;
        var repeat = (n.Due > today ? n.Due : today).AddDays(step);
        for (int round = 2; repeat <= until; round++, repeat = repeat.AddDays(step))
            into.Add(new FollowUpTask(customer.Key, name, rep, FollowUpKind.Cadence, repeat,
                string.Create(CultureInfo.InvariantCulture, $"every {step} days ({rules.Origin}); round {round} of the plan")));
    }

    private static string Iso(DateOnly d) => IsoDate.Format(d);
}
