namespace Allot.Core.Classification.Clustering;

/// <summary>Where a cluster's centre lies on one indicator.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Mean">The mean of the members' known values in the indicator's own units (NaN when no member has
/// a value); missing values are left out, not imputed.</param>
/// <param name="Z">The mean of the members' z-scores (missing values count as 0, the overall mean): how many
/// standard deviations the cluster lies above (+) or below (−) all customers.</param>
public sealed record ClusterIndicator(string Indicator, double Mean, double Z);
