namespace Allot.Core.Classification.Clustering;

/// <summary>One cluster described in indicator terms, so a manager can name it.</summary>
/// <param name="Number">1-based number after renumbering (largest cluster first).</param>
/// <param name="Name">The class name given to its members.</param>
/// <param name="Size">Number of members.</param>
/// <param name="Share">Size / number of customers, 0..1.</param>
/// <param name="Centre">The centre per indicator, in the order of <see cref="KMeansOptions.Indicators"/>.</param>
/// <param name="DistinguishingIndicator">The indicator with the largest |z| of the centre (ties: the first in
/// indicator order): what most sets the cluster apart.</param>
/// <param name="DistinguishingZ">That indicator's z of the centre (signed).</param>
/// <param name="Summary">A one-line description, e.g. "cluster 1: 120 customers (40.0 %); most distinct:
/// amount_365 high (z +1.84, mean 5,320.00)".</param>
public sealed record ClusterDescription(int Number, string Name, int Size, double Share, IReadOnlyList<ClusterIndicator> Centre,
    string DistinguishingIndicator, double DistinguishingZ, string Summary);
