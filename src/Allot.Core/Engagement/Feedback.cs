namespace Allot.Core.Engagement;

/// <summary>Feedback from a customer: a satisfaction score (1–5), an NPS answer (0–10), or both.</summary>
public sealed record Feedback
{
    /// <summary>The key in the source system (or derived from customer, date and ordinal).</summary>
    public required string Key { get; init; }

    /// <summary>Key of the customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Date given.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Satisfaction, 1 (worst) to 5 (best).</summary>
    public int? Satisfaction { get; init; }

    /// <summary>Likelihood to recommend, 0–10.</summary>
    public int? Nps { get; init; }

    /// <summary>Comment, free text.</summary>
    public string? Comment { get; init; }
}
