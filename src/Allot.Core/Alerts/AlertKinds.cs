namespace Allot.Core.Alerts;

/// <summary>The printed names of <see cref="AlertKind"/>.</summary>
public static class AlertKinds
{
    /// <summary>All kinds, in the order digests list them.</summary>
    public static IReadOnlyList<AlertKind> All { get; } = Enum.GetValues<AlertKind>();

    /// <summary>followup_overdue, receivable_overdue, credit_limit, churn_warning or reclaim_soon.</summary>
    public static string Name(AlertKind kind) => kind switch
    {
        AlertKind.FollowUpOverdue => "followup_overdue",
        AlertKind.ReceivableOverdue => "receivable_overdue",
        AlertKind.CreditLimit => "credit_limit",
        AlertKind.ChurnWarning => "churn_warning",
        AlertKind.ReclaimSoon => "reclaim_soon",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown alert kind"),
    };
}
