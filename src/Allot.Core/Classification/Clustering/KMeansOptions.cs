namespace Allot.Core.Classification.Clustering;

/// <summary>Settings for <see cref="KMeans.Cluster"/>.</summary>
public sealed record KMeansOptions
{
    /// <summary>The numeric indicators to cluster on, in the order they are reported (at least one, distinct).</summary>
    public required IReadOnlyList<string> Indicators { get; init; }

    /// <summary>The number of clusters; null to choose it by the mean silhouette over 2..<see cref="MaxK"/>.</summary>
    public int? K { get; init; }

    /// <summary>The largest k tried when <see cref="K"/> is null (capped at the number of customers − 1).</summary>
    public int MaxK { get; init; } = 8;

    /// <summary>How indicators are scaled before distances are taken.</summary>
    public Normalisation Normalisation { get; init; } = Normalisation.ZScore;

    /// <summary>The seed: the same seed and table always give the same clusters.</summary>
    public ulong Seed { get; init; } = 20_260_101;

    /// <summary>Independent k-means++ starts per k (n_init); the one with the lowest inertia is kept.</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>The most Lloyd iterations per start.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Above this many customers the silhouette is computed on a deterministic sample of this many
    /// (exact silhouette costs n² distances).</summary>
    public int SilhouetteSampleLimit { get; init; } = 5_000;

    /// <summary>Class names for clusters 1, 2, … after renumbering; clusters beyond the list are named
    /// "cluster n". Null for all default names.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>The classifier's name in the scheme.</summary>
    public string Name { get; init; } = "kmeans";

    /// <summary>The most threads used for distances (-1: no limit). The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
