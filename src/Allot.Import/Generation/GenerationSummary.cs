namespace Allot.Import.Generation;

/// <summary>What <see cref="DataGenerator.Generate"/> wrote.</summary>
public sealed record GenerationSummary
{
    /// <summary>Rows in customers.csv.</summary>
    public required long Customers { get; init; }

    /// <summary>Rows in reps.csv.</summary>
    public required long Reps { get; init; }

    /// <summary>Rows in orders.csv (always exactly the requested number).</summary>
    public required long Orders { get; init; }

    /// <summary>Rows in invoices.csv.</summary>
    public required long Invoices { get; init; }

    /// <summary>Rows in payments.csv.</summary>
    public required long Payments { get; init; }

    /// <summary>Rows in interactions.csv.</summary>
    public required long Interactions { get; init; }

    /// <summary>Rows in feedback.csv.</summary>
    public required long Feedback { get; init; }

    /// <summary>Total size of the seven files in bytes.</summary>
    public required long BytesWritten { get; init; }

    /// <summary>Sum of the order amounts.</summary>
    public required decimal AmountTotal { get; init; }
}
