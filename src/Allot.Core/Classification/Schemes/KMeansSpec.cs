using Allot.Core.Classification.Clustering;
using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>A k-means clustering in a scheme (<see cref="KMeans"/>); the seed makes it repeatable.</summary>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="Options">Indicators, k or max k, seed, scaling and class names.</param>
public sealed record KMeansSpec(string Name, int Line, KMeansOptions Options) : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "kmeans";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators => Options.Indicators;

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) => KMeans.Cluster(table, Options with { Name = Name }).Result;
}
