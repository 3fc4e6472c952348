namespace Allot.Core.Classification.Runs;

/// <summary>One customer's tier in two runs.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="From">Tier in the first run; null when the customer was not in it.</param>
/// <param name="To">Tier in the second run; null when the customer is not in it.</param>
/// <param name="RevenueFrom">Revenue at the first run's as-of date.</param>
/// <param name="RevenueTo">Revenue at the second run's as-of date.</param>
public sealed record TierMove(string CustomerKey, string? From, string? To, double RevenueFrom, double RevenueTo);
