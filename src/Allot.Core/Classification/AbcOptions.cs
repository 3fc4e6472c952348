namespace Allot.Core.Classification;

/// <summary>Thresholds and class names of an ABC (Pareto) classification.</summary>
/// <remarks>
/// A customer is <see cref="ClassA"/> while the cumulative share of all customers ranked before it is strictly
/// below <see cref="AThreshold"/>, <see cref="ClassB"/> while it is strictly below <see cref="BThreshold"/>, else
/// <see cref="ClassC"/>. So the customer that crosses 80 % is still A. Thresholds must satisfy
/// 0 &lt; a &lt; b ≤ 1. Customers whose value is ≤ 0 or missing take no part in the shares: they get
/// <see cref="NonPositiveClass"/> when set (e.g. "loss"), otherwise <see cref="ClassC"/>.
/// </remarks>
public sealed record AbcOptions
{
    /// <summary>The default: A below 80 %, B below 95 %, classes A/B/C, non-positive values in C.</summary>
    public static AbcOptions Default { get; } = new();

    /// <summary>Cumulative share before a customer below which it is A (exclusive); default 0.80.</summary>
    public double AThreshold { get; init; } = 0.80;

    /// <summary>Cumulative share before a customer below which it is B (exclusive); default 0.95.</summary>
    public double BThreshold { get; init; } = 0.95;

    /// <summary>Name of the top class; default "A".</summary>
    public string ClassA { get; init; } = "A";

    /// <summary>Name of the middle class; default "B".</summary>
    public string ClassB { get; init; } = "B";

    /// <summary>Name of the bottom class; default "C".</summary>
    public string ClassC { get; init; } = "C";

    /// <summary>Class of customers with a value ≤ 0 or missing, listed after C; null (default) puts them in C.</summary>
    public string? NonPositiveClass { get; init; }

    /// <summary>Checks the thresholds and names.</summary>
    /// <exception cref="ArgumentException">Thresholds outside 0 &lt; a &lt; b ≤ 1, or empty or repeated class names.</exception>
    public void Validate()
    {
        if (!(AThreshold > 0 && AThreshold < BThreshold && BThreshold <= 1))
            throw new ArgumentException(FormattableString.Invariant(
                $"ABC thresholds must satisfy 0 < A < B <= 1; got A = {AThreshold}, B = {BThreshold}"), nameof(AThreshold));
        string?[] names = [ClassA, ClassB, ClassC, NonPositiveClass];
        if (names.Take(3).Any(string.IsNullOrWhiteSpace) || (NonPositiveClass is not null && string.IsNullOrWhiteSpace(NonPositiveClass)))
            throw new ArgumentException("ABC class names must not be empty", nameof(ClassA));
        if (names.Where(n => n is not null).Distinct(StringComparer.Ordinal).Count() != names.Count(n => n is not null))
            throw new ArgumentException($"ABC class names must differ; got {string.Join(", ", names.Where(n => n is not null))}", nameof(ClassA));
    }
}
