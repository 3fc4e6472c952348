namespace Allot.Core.Value;

/// <summary>What <see cref="BgNbdSimulation"/> generates.</summary>
public sealed record SimulationOptions
{
    /// <summary>Customers (default 10,000).</summary>
    public int Customers { get; init; } = 10_000;

    /// <summary>Random seed (default 1).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>First day of the cohort's first purchases (default 2024-01-01).</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 1);

    /// <summary>First purchases fall in the first this many days (default 84: twelve weeks, like CDNOW's cohort).</summary>
    public int CohortDays { get; init; } = 84;

    /// <summary>Last day with purchases (default 2025-06-30).</summary>
    public DateOnly End { get; init; } = new(2025, 6, 30);

    /// <summary>The unit the model's α is in (default weeks).</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Week;
}
