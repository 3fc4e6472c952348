namespace Allot.Core.Indicators;

/// <summary>The family an indicator belongs to, used to group them in the UI and in <c>allot indicators</c>.</summary>
public enum IndicatorKind
{
    /// <summary>Derived from orders: recency, frequency, money, breadth, growth.</summary>
    Transaction,

    /// <summary>Derived from invoices and payments: receivables and payment behaviour.</summary>
    Financial,

    /// <summary>Derived from interactions (follow-ups) and feedback.</summary>
    Engagement,

    /// <summary>Attributes of the customer record itself: type, industry, region…</summary>
    Characteristic,

    /// <summary>From a fitted value model (BG/NBD and Gamma-Gamma): P(alive), expected purchases, spend, CLV.
    /// Not computed by <see cref="IndicatorCalculator"/>; see <c>Allot.Core.Value.ValueIndicators</c>.</summary>
    Value,
}
