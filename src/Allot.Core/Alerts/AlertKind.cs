namespace Allot.Core.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A follow-up is overdue.</summary>
    FollowUpOverdue,

    /// <summary>Invoices are unpaid past their due date.</summary>
    ReceivableOverdue,

    /// <summary>The customer owes more than its credit limit.</summary>
    CreditLimit,

    /// <summary>A churn warning has had no follow-up yet.</summary>
    ChurnWarning,

    /// <summary>The customer returns to the pool soon unless followed up (its owner was warned).</summary>
    ReclaimSoon,
}
