namespace Allot.Core.Importing;

/// <summary>The kinds of record <c>allot import</c> reads.</summary>
public enum EntityKind
{
    /// <summary>Customers.</summary>
    Customers,

    /// <summary>Sales reps.</summary>
    Reps,

    /// <summary>Orders.</summary>
    Orders,

    /// <summary>Invoices.</summary>
    Invoices,

    /// <summary>Payments against invoices.</summary>
    Payments,

    /// <summary>Follow-up records.</summary>
    Interactions,

    /// <summary>Customer feedback.</summary>
    Feedback,
}
