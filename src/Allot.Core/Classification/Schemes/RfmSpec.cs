using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>An RFM segment classifier in a scheme (<see cref="Rfm.Score"/>).</summary>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="Recency">Days since the last purchase.</param>
/// <param name="Frequency">Number of orders.</param>
/// <param name="Monetary">Amount bought.</param>
/// <param name="Language">Language of the segment names.</param>
/// <param name="Cells">Overrides of the default segment map, cell (r·100 + f·10 + m) → segment; null for none.</param>
public sealed record RfmSpec(string Name, int Line, string Recency, string Frequency, string Monetary,
    SegmentLanguage Language, IReadOnlyDictionary<int, string>? Cells) : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "rfm";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators => [.. new[] { Recency, Frequency, Monetary }.Distinct(StringComparer.Ordinal)];

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) =>
        Rfm.Score(table, Recency, Frequency, Monetary, Cells, Language) with { Name = Name };
}
