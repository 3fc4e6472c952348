namespace Allot.Import.Generation;

/// <summary>Size, seed and time window of a synthetic data set (see <see cref="DataGenerator"/>).</summary>
public sealed record GenerationOptions
{
    /// <summary>Number of customers; at least 1.</summary>
    public int Customers { get; init; } = 10_000;

    /// <summary>Number of sales reps; at least 1.</summary>
    public int Reps { get; init; } = 50;

    /// <summary>Exact number of order rows; at least 0.</summary>
    public long Orders { get; init; } = 200_000;

    /// <summary>Seed: the same options give the same bytes on any machine.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Last day of the data; no order, payment, interaction or feedback is dated after it.</summary>
    public DateOnly End { get; init; } = new(2025, 12, 31);

    /// <summary>Length of the order window in years, ending at <see cref="End"/>; 1–50.</summary>
    public int Years { get; init; } = 3;
}
