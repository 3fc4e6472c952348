namespace Allot.Core.Classification.Clustering;

/// <summary>One k tried while choosing the number of clusters.</summary>
/// <param name="K">The number of clusters.</param>
/// <param name="Silhouette">Mean silhouette of the best start for this k (−1..1, higher is better separated;
/// NaN when the silhouette sample held fewer than two clusters).</param>
/// <param name="Inertia">Sum of squared distances to the centres, in scaled units, of the best start.</param>
public sealed record KCandidate(int K, double Silhouette, double Inertia);
