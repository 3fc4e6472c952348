namespace Allot.Core.Receivables;

/// <summary>A payment against an invoice.</summary>
/// <remarks>When the source has no payment key, the importer derives one from invoice, date and the
/// payment's ordinal among that invoice's payments on that date, so re-imports update instead of duplicating.</remarks>
public sealed record Payment
{
    /// <summary>The key in the source system (or derived, see remarks).</summary>
    public required string Key { get; init; }

    /// <summary>Key of the invoice paid.</summary>
    public required string InvoiceKey { get; init; }

    /// <summary>Payment date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Amount paid.</summary>
    public required decimal Amount { get; init; }
}
