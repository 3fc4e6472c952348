namespace Allot.Core.Alerts;

/// <summary>Something a rep or a manager should act on.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="CustomerKey">The customer.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="RepKey">The owner it goes to; null for a customer in the pool (it goes to the pool's managers).</param>
/// <param name="Pool">The customer's pool (its managers get it in their digest).</param>
/// <param name="Date">The date it turns on: the follow-up's due date, the oldest overdue invoice's due date, the
/// churn warning's date, or the day the customer returns to the pool.</param>
/// <param name="Amount">Money concerned (overdue or owed), if any.</param>
/// <param name="Message">The alert in words.</param>
public sealed record Alert(AlertKind Kind, string CustomerKey, string CustomerName, string? RepKey, string Pool, DateOnly Date, decimal? Amount, string Message);
