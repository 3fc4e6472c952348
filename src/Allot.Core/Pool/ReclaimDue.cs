namespace Allot.Core.Pool;

/// <summary>When an owned customer is due back in the pool, and why.</summary>
/// <param name="Date">The due date.</param>
/// <param name="Why">The rule and the date that set it, e.g. "last follow-up 2026-01-05, limit 60 days without follow-up".</param>
/// <param name="Remedy">What would move it: "followed up" or "it orders".</param>
public sealed record ReclaimDue(DateOnly Date, string Why, string Remedy);
