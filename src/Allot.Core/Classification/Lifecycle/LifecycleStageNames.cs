namespace Allot.Core.Classification.Lifecycle;

/// <summary>Display names of <see cref="LifecycleStage"/> in English and Chinese.</summary>
public static class LifecycleStageNames
{
    /// <summary>The English name: potential, new, growing, mature, declining, dormant, lost.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined stage.</exception>
    public static string English(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Potential => "potential",
        LifecycleStage.New => "new",
        LifecycleStage.Growing => "growing",
        LifecycleStage.Mature => "mature",
        LifecycleStage.Declining => "declining",
        LifecycleStage.Dormant => "dormant",
        LifecycleStage.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown lifecycle stage"),
    };

    /// <summary>The Chinese name: 潜在, 新客户, 成长, 成熟, 衰退, 沉睡, 流失.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined stage.</exception>
    public static string Chinese(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Potential => "潜在",
        LifecycleStage.New => "新客户",
        LifecycleStage.Growing => "成长",
        LifecycleStage.Mature => "成熟",
        LifecycleStage.Declining => "衰退",
        LifecycleStage.Dormant => "沉睡",
        LifecycleStage.Lost => "流失",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown lifecycle stage"),
    };
}
