namespace Allot.Core.Classification.Lifecycle;

/// <summary>Where a customer is in its life with us, in display order (earliest first).</summary>
public enum LifecycleStage
{
    /// <summary>No order yet (潜在).</summary>
    Potential,

    /// <summary>First order recently (新客户).</summary>
    New,

    /// <summary>Buying clearly more than a year before (成长).</summary>
    Growing,

    /// <summary>Buying steadily (成熟).</summary>
    Mature,

    /// <summary>Buying clearly less than a year before (衰退).</summary>
    Declining,

    /// <summary>No order for a while, not yet lost (沉睡).</summary>
    Dormant,

    /// <summary>No order for a long time (流失).</summary>
    Lost,
}
