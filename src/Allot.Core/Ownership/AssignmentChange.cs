namespace Allot.Core.Ownership;

/// <summary>One change of a customer's owner (归属变更), kept forever.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="FromRepKey">Previous owner; null when the customer had none (e.g. claimed from the pool).</param>
/// <param name="ToRepKey">New owner; null when the customer goes to the pool.</param>
/// <param name="At">When the change took effect.</param>
/// <param name="By">Who made it: a user name, or a process such as "import".</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="RunId">The allocation run that proposed it, if any.</param>
public sealed record AssignmentChange(
    string CustomerKey,
    string? FromRepKey,
    string? ToRepKey,
    DateTimeOffset At,
    string By,
    string Reason,
    long? RunId = null);
