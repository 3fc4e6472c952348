namespace Allot.Core.FollowUps;

/// <summary>A churn warning for a customer: since when and why.</summary>
/// <param name="Since">The day the warning was raised (the classification or value-model run's as-of date).</param>
/// <param name="Why">What raised it, e.g. "lifecycle stage declining".</param>
public sealed record ChurnSignal(DateOnly Since, string Why);
