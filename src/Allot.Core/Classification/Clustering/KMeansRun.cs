namespace Allot.Core.Classification.Clustering;

/// <summary>One k-means start: labels 0..k−1 per row, centres row-major (k × d) in scaled units.</summary>
internal sealed record KMeansRun(int K, int[] Labels, double[] Centres, double Inertia, int Iterations, bool Converged);
