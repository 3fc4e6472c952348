using Allot.Core.Maintenance;
using Allot.Core.Reps;

namespace Allot.Core.Pool;

/// <summary>Everything a claim or assignment is decided on, read inside the transaction that will write it.</summary>
/// <param name="Customer">The customer, or null when there is none with the key asked for.</param>
/// <param name="CustomerKey">The key asked for.</param>
/// <param name="Rules">The customer's rules (null when there is no customer).</param>
/// <param name="Rep">The rep, or null when there is none with the key asked for.</param>
/// <param name="RepKey">The rep key asked for.</param>
/// <param name="Owned">Customers the rep owns now.</param>
/// <param name="ClaimsToday">The rep's claims today.</param>
/// <param name="ClaimsThisMonth">The rep's claims this calendar month.</param>
/// <param name="LostOn">The last day the rep lost this customer (reclaimed or released), if ever.</param>
/// <param name="Manager">For an assignment: the manager assigning; null for a rep's own claim.</param>
/// <param name="ManagesPool">For an assignment: true when <paramref name="Manager"/> manages the customer's pool.</param>
/// <param name="Today">The business day.</param>
public sealed record ClaimFacts(
    BookCustomer? Customer,
    string CustomerKey,
    CustomerRules? Rules,
    Rep? Rep,
    string RepKey,
    int Owned,
    int ClaimsToday,
    int ClaimsThisMonth,
    DateOnly? LostOn,
    string? Manager,
    bool ManagesPool,
    DateOnly Today);
