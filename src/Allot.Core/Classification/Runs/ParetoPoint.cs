namespace Allot.Core.Classification.Runs;

/// <summary>A point of a Pareto (concentration) curve: the top customers by revenue, as a share of all customers,
/// and their share of the revenue.</summary>
/// <param name="CustomerShare">Share of the customers, 0–1.</param>
/// <param name="RevenueShare">Their share of the revenue, 0–1.</param>
public sealed record ParetoPoint(double CustomerShare, double RevenueShare);
