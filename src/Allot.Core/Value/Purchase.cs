namespace Allot.Core.Value;

/// <summary>One order as the value models see it: who, when, how much.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Date">The order date.</param>
/// <param name="Amount">The order amount (money).</param>
public readonly record struct Purchase(string CustomerKey, DateOnly Date, decimal Amount);
