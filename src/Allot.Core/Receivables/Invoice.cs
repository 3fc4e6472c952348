namespace Allot.Core.Receivables;

/// <summary>An invoice issued to a customer.</summary>
public sealed record Invoice
{
    /// <summary>The key in the source system.</summary>
    public required string Key { get; init; }

    /// <summary>Key of the invoiced customer.</summary>
    public required string CustomerKey { get; init; }

    /// <summary>Issue date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>Due date; on or after the issue date.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Invoiced amount.</summary>
    public required decimal Amount { get; init; }
}
