namespace Allot.Core.Indicators;

/// <summary>Running engagement totals of one customer.</summary>
internal struct EngagementTotals
{
    // Day number + 1 of the latest interaction (0 = none).
    public int LastInteractionPlusOne;
    public int Interactions365, Interactions90;
    public int SatisfactionSum, SatisfactionCount;
    // Latest answers: day number + 1 (0 = none) and key, the key breaking ties on one date so input order never matters.
    public int SatisfactionDayPlusOne, NpsDayPlusOne;
    public string? SatisfactionKey, NpsKey;
    public int SatisfactionLatest, NpsLatest;
}
