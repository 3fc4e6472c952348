using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>The 8-class RFM split by means in a scheme (<see cref="Rfm.EightClass"/>).</summary>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="Recency">Days since the last purchase.</param>
/// <param name="Frequency">Number of orders.</param>
/// <param name="Monetary">Amount bought.</param>
/// <param name="Language">Language of the class names.</param>
public sealed record Rfm8Spec(string Name, int Line, string Recency, string Frequency, string Monetary, SegmentLanguage Language)
    : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "rfm8";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators => [.. new[] { Recency, Frequency, Monetary }.Distinct(StringComparer.Ordinal)];

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) =>
        Rfm.EightClass(table, Recency, Frequency, Monetary, Language) with { Name = Name };
}
