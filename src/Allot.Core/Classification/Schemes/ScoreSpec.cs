using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>A weighted score in a scheme (<see cref="WeightedScore"/>).</summary>
/// <remarks>When the weights come from an AHP matrix they are already in <see cref="Options"/> (the eigenvector
/// weights, summing to 1) and <see cref="Ahp"/> keeps the consistency figures for the report.</remarks>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="Options">Indicators with weights and directions, normalisation, winsorising and tiers.</param>
/// <param name="Ahp">The AHP result the weights came from, or null when weights were given.</param>
public sealed record ScoreSpec(string Name, int Line, ScoringOptions Options, AhpResult? Ahp) : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "score";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators => [.. Options.Indicators.Select(i => i.Name)];

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) => WeightedScore.Classify(table, Options with { Name = Name });
}
