namespace Allot.Core.Pool;

/// <summary>One pool event, recorded forever with who, when and why.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Pool">The pool's name.</param>
/// <param name="RepKey">The rep concerned: the owner warned or losing the customer, or the rep claiming or
/// assigned it; null for <see cref="PoolEventKind.Pooled"/> when there was no owner.</param>
/// <param name="Day">The business day it happened on.</param>
/// <param name="By">Who did it: a user name, or a job such as "daily".</param>
/// <param name="Reason">Why, in words, with the numbers and the rule that decided it.</param>
/// <param name="Due">For a warning: the day the customer returns to the pool unless something happens.</param>
/// <param name="At">When it was recorded; set by the store.</param>
public sealed record PoolEvent(
    string CustomerKey,
    PoolEventKind Kind,
    string Pool,
    string? RepKey,
    DateOnly Day,
    string By,
    string Reason,
    DateOnly? Due = null,
    DateTimeOffset? At = null)
{
    /// <summary>True for the kinds that change the customer's owner.</summary>
    public bool MovesOwner => Kind is not PoolEventKind.Warned && (Kind is not PoolEventKind.Pooled || RepKey is not null);
}
