namespace Allot.Core.Engagement;

/// <summary>A follow-up record (跟进记录): a rep's contact with a customer.</summary>
public sealed record Interaction
{
    /// <summary>The key in the source system (or derived from customer, rep, date and ordinal).</summary>
    public required string Key { get; init; }

    /// <summary>Key of the customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Key of the rep, if known.</summary>
    public string? RepKey { get; init; }

    /// <summary>Date of the contact.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Visit, call, message, email or meeting.</summary>
    public required InteractionKind Kind { get; init; }

    /// <summary>Outcome, free text.</summary>
    public string? Outcome { get; init; }

    /// <summary>Note, free text.</summary>
    public string? Note { get; init; }
}
