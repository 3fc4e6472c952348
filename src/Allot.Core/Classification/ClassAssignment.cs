namespace Allot.Core.Classification;

/// <summary>The class a classifier gave one customer, and why.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Class">The class (tier, segment, cell…), e.g. "A", "Champions", "重要价值".</param>
/// <param name="Reason">Why, in words, with the numbers: e.g. "cumulative share before it 62.1 % &lt; 80 %".</param>
/// <param name="Numbers">The numbers that decided it, by name (e.g. value, cumulative_share_before, r, f, m,
/// score, contribution_amount_365), for explanation and export.</param>
public sealed record ClassAssignment(string CustomerKey, string Class, string Reason, IReadOnlyDictionary<string, double> Numbers)
{
    /// <summary>The numbers, kept compactly (names shared across customers, values in an array), in the order given.</summary>
    public IReadOnlyDictionary<string, double> Numbers { get; init; } = CompactNumbers.From(Numbers);
}
