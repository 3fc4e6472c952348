using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>An ABC (Pareto) classifier in a scheme (<see cref="Abc"/>).</summary>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="Indicator">The numeric indicator ranked, e.g. amount or profit.</param>
/// <param name="Options">Thresholds, class names and the loss class.</param>
public sealed record AbcSpec(string Name, int Line, string Indicator, AbcOptions Options) : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "abc";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators => [Indicator];

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) => Abc.Classify(table, Indicator, Options) with { Name = Name };
}
