namespace Allot.Core.Classification.Clustering;

/// <summary>What <see cref="KMeans.Cluster"/> produced.</summary>
/// <param name="Result">The class per customer, in table row order; classes in cluster-number order.</param>
/// <param name="Clusters">The clusters, by number.</param>
/// <param name="K">The number of clusters used.</param>
/// <param name="KChosen">True when k was chosen by silhouette rather than given.</param>
/// <param name="Candidates">Every k tried when it was chosen (ascending k), fitted and scored on the silhouette sample
/// when there are more customers than its limit; empty when k was given.</param>
/// <param name="Inertia">Sum of squared distances of customers to their centres, in scaled units.</param>
/// <param name="Silhouette">Mean silhouette of the result (see <see cref="Clustering.Silhouette"/>).</param>
/// <param name="SilhouetteSampleSize">How many customers the silhouette was computed on: all of them, or a
/// deterministic sample of <see cref="KMeansOptions.SilhouetteSampleLimit"/> when there are more.</param>
/// <param name="Iterations">Lloyd iterations of the kept start.</param>
/// <param name="Converged">False when the kept start stopped at the iteration limit while assignments still
/// changed (customers are then assigned to the nearest final centre).</param>
/// <param name="Note">Plain remarks for the reader (sampling, iteration limit); empty when there are none.</param>
public sealed record ClusteringResult(ClassifierResult Result, IReadOnlyList<ClusterDescription> Clusters, int K, bool KChosen,
    IReadOnlyList<KCandidate> Candidates, double Inertia, double Silhouette, int SilhouetteSampleSize, int Iterations,
    bool Converged, string Note);
