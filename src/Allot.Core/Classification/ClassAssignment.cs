namespace Allot.Core.Classification;

/// <summary>The class a classifier gave one customer, and why.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Class">The class (tier, segment, cell…), e.g. "A", "Champions", "重要价值".</param>
/// <param name="Reason">Why, in words, with the numbers: e.g. "cumulative share before it 62.1 % &lt; 80 %".</param>
/// <param name="Numbers">The numbers that decided it, by name (e.g. value, cumulative_share_before, r, f, m,
/// score, contribution_amount_365), for explanation and export.</param>
/// <remarks>A classifier may give the reason as a function of the assignment (its numbers) instead of a string:
/// it is then written when first read, so a run over a million customers does not hold a million sentences it
/// may never show. Equality compares the reason's text either way.</remarks>
public sealed record ClassAssignment(string CustomerKey, string Class, string Reason, IReadOnlyDictionary<string, double> Numbers)
{
    private string? _reason = Reason;
    private readonly Func<ClassAssignment, string>? _explain;

    /// <summary>An assignment whose reason is written on demand by <paramref name="explain"/> from this assignment.</summary>
    /// <param name="customerKey">The customer.</param>
    /// <param name="class">The class.</param>
    /// <param name="explain">Writes the reason from the assignment (its class and numbers); called at most once per read
    /// until the text is kept, so it must be pure.</param>
    /// <param name="numbers">The numbers that decided it.</param>
    public ClassAssignment(string customerKey, string @class, Func<ClassAssignment, string> explain, IReadOnlyDictionary<string, double> numbers)
        : this(customerKey, @class, (string)null!, numbers)
    {
        ArgumentNullException.ThrowIfNull(explain);
        _explain = explain;
    }

    /// <summary>Why, in words, with the numbers.</summary>
    public string Reason
    {
        get => _reason ??= _explain!(this);
        init => _reason = value;
    }

    /// <summary>The numbers, kept compactly (names shared across customers, values in an array), in the order given.</summary>
    public IReadOnlyDictionary<string, double> Numbers { get; init; } = CompactNumbers.From(Numbers);

    /// <inheritdoc />
    public bool Equals(ClassAssignment? other) =>
        other is not null && CustomerKey == other.CustomerKey && Class == other.Class && Reason == other.Reason
        && EqualityComparer<IReadOnlyDictionary<string, double>>.Default.Equals(Numbers, other.Numbers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerKey, Class, Reason, Numbers);
}
