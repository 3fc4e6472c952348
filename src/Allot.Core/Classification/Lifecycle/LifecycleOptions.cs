namespace Allot.Core.Classification.Lifecycle;

/// <summary>Settings for <see cref="LifecycleClassifier.Classify"/>: which indicators to read and where the
/// stage boundaries lie. Each boundary's side (inclusive or exclusive) is stated on it.</summary>
public sealed record LifecycleOptions
{
    /// <summary>Indicator with the number of orders; 0 or missing means no order yet.</summary>
    public string OrdersIndicator { get; init; } = "orders";

    /// <summary>Indicator with days since the first order.</summary>
    public string TenureIndicator { get; init; } = "tenure_days";

    /// <summary>Indicator with days since the last order.</summary>
    public string RecencyIndicator { get; init; } = "recency_days";

    /// <summary>Indicator with the growth over the last 365 days as a fraction (0.25 = +25 %).</summary>
    public string GrowthIndicator { get; init; } = "growth_365";

    /// <summary>New when tenure ≤ this many days (inclusive). At least 0.</summary>
    public double NewMaxTenureDays { get; init; } = 90;

    /// <summary>Dormant when recency &gt; this many days (exclusive). At least 0 and below
    /// <see cref="LostRecencyDays"/>.</summary>
    public double DormantRecencyDays { get; init; } = 180;

    /// <summary>Lost when recency &gt; this many days (exclusive).</summary>
    public double LostRecencyDays { get; init; } = 365;

    /// <summary>Declining when growth ≤ this (inclusive). Below 0.</summary>
    public double DecliningGrowth { get; init; } = -0.2;

    /// <summary>Growing when growth ≥ this (inclusive). Above 0.</summary>
    public double GrowingGrowth { get; init; } = 0.2;

    /// <summary>True to give classes their Chinese names (潜在, 新客户…); reasons stay in English.</summary>
    public bool ChineseNames { get; init; }

    /// <summary>The classifier's name in the scheme.</summary>
    public string Name { get; init; } = "lifecycle";
}
