namespace Allot.Core.Indicators;

/// <summary>One customer's follow-ups and feedback dated on or before an as-of date, already summed (see
/// <see cref="IndicatorCalculator.Compute(IndicatorSummaries, DateOnly)"/>).</summary>
public sealed record EngagementSummary
{
    /// <summary>The customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Date of the latest follow-up, or null without any.</summary>
    public DateOnly? LastInteraction { get; init; }

    /// <summary>Follow-ups in the last 365 days.</summary>
    public int Interactions365 { get; init; }

    /// <summary>Follow-ups in the last 90 days.</summary>
    public int Interactions90 { get; init; }

    /// <summary>Sum of the satisfaction scores given.</summary>
    public int SatisfactionSum { get; init; }

    /// <summary>Satisfaction scores given.</summary>
    public int SatisfactionCount { get; init; }

    /// <summary>The latest satisfaction score (latest date; on one date the ordinally greatest feedback key), or null.</summary>
    public int? SatisfactionLatest { get; init; }

    /// <summary>The latest likelihood-to-recommend answer (same rule), or null.</summary>
    public int? NpsLatest { get; init; }
}
