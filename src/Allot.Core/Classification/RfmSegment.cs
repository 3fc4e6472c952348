namespace Allot.Core.Classification;

/// <summary>A named RFM segment of the default 125-cell map, in English and Chinese.</summary>
/// <param name="English">English name, e.g. "Champions".</param>
/// <param name="Chinese">Chinese name, e.g. "冠军客户".</param>
/// <remarks>
/// The default map is a rule over R and FM, where FM = ⌊(F + M + 1) / 2⌋ is the mean of the F and M scores
/// rounded half up (so F = 5, M = 4 gives FM = 5). Every (R, F, M) cell has exactly one (R, FM), so the rule covers
/// all 125 cells exactly once (see docs/rfm-segments.md):
/// <code>
/// R \ FM |  1              2                    3                    4                5
///   5    |  New Customers  Potential Loyalists  Potential Loyalists  Champions        Champions
///   4    |  Promising      Potential Loyalists  Potential Loyalists  Loyal            Loyal
///   3    |  About to Sleep About to Sleep       Need Attention       Loyal            Loyal
///   2    |  Hibernating    Hibernating          At Risk              At Risk          Cannot Lose Them
///   1    |  Lost           Lost                 At Risk              At Risk          Cannot Lose Them
/// </code>
/// </remarks>
public sealed record RfmSegment(string English, string Chinese)
{
    /// <summary>Bought recently, often and much (冠军客户).</summary>
    public static RfmSegment Champions { get; } = new("Champions", "冠军客户");

    /// <summary>Buy often and much, fairly recently (忠诚客户).</summary>
    public static RfmSegment Loyal { get; } = new("Loyal", "忠诚客户");

    /// <summary>Recent, with average frequency and spend (潜力客户).</summary>
    public static RfmSegment PotentialLoyalists { get; } = new("Potential Loyalists", "潜力客户");

    /// <summary>Very recent, little bought so far (新客户).</summary>
    public static RfmSegment NewCustomers { get; } = new("New Customers", "新客户");

    /// <summary>Recent, little bought so far (有望客户).</summary>
    public static RfmSegment Promising { get; } = new("Promising", "有望客户");

    /// <summary>Average on recency and on frequency and spend (需要关注).</summary>
    public static RfmSegment NeedAttention { get; } = new("Need Attention", "需要关注");

    /// <summary>Middling recency, low frequency and spend (即将沉睡).</summary>
    public static RfmSegment AboutToSleep { get; } = new("About to Sleep", "即将沉睡");

    /// <summary>Bought very often and much, but long ago (不能失去).</summary>
    public static RfmSegment CannotLoseThem { get; } = new("Cannot Lose Them", "不能失去");

    /// <summary>Bought fairly often and much, but long ago (流失风险).</summary>
    public static RfmSegment AtRisk { get; } = new("At Risk", "流失风险");

    /// <summary>Long ago, little (休眠客户).</summary>
    public static RfmSegment Hibernating { get; } = new("Hibernating", "休眠客户");

    /// <summary>Longest ago, little (已流失).</summary>
    public static RfmSegment Lost { get; } = new("Lost", "已流失");

    /// <summary>All segments, best first (the display order of the classes).</summary>
    public static IReadOnlyList<RfmSegment> All { get; } =
    [
        Champions, Loyal, PotentialLoyalists, NewCustomers, Promising, NeedAttention, AboutToSleep,
        CannotLoseThem, AtRisk, Hibernating, Lost,
    ];

    /// <summary>The segment of a cell under the default map (see remarks of <see cref="RfmSegment"/>).</summary>
    /// <param name="r">Recency score 1–5 (5 = most recent).</param>
    /// <param name="f">Frequency score 1–5.</param>
    /// <param name="m">Monetary score 1–5.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score outside 1–5.</exception>
    public static RfmSegment Of(int r, int f, int m)
    {
        foreach (var (name, s) in new[] { ("r", r), ("f", f), ("m", m) })
            if (s is < 1 or > 5) throw new ArgumentOutOfRangeException(name, s, "RFM scores run from 1 to 5");
        int fm = (f + m + 1) / 2;
        return r switch
        {
            5 => fm == 1 ? NewCustomers : fm <= 3 ? PotentialLoyalists : Champions,
            4 => fm == 1 ? Promising : fm <= 3 ? PotentialLoyalists : Loyal,
            3 => fm <= 2 ? AboutToSleep : fm == 3 ? NeedAttention : Loyal,
            _ => fm == 5 ? CannotLoseThem : fm >= 3 ? AtRisk : r == 2 ? Hibernating : Lost,
        };
    }

    /// <summary>The name in the given language.</summary>
    public string Name(SegmentLanguage language) => language == SegmentLanguage.Chinese ? Chinese : English;
}
