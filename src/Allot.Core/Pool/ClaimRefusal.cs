namespace Allot.Core.Pool;

/// <summary>Why a claim, an assignment or a release was refused.</summary>
public enum ClaimRefusal
{
    /// <summary>No customer with that key.</summary>
    UnknownCustomer,

    /// <summary>The customer is not in the pool: another rep owns it (e.g. it claimed it first).</summary>
    OwnedByAnother,

    /// <summary>The customer is not in the pool: the claiming rep owns it already.</summary>
    AlreadyYours,

    /// <summary>The customer is lost and not in the pool.</summary>
    Lost,

    /// <summary>The customer is in the pool already (a release).</summary>
    InPool,

    /// <summary>No rep with that key.</summary>
    UnknownRep,

    /// <summary>The rep is inactive.</summary>
    InactiveRep,

    /// <summary>The customer's pool does not serve the rep.</summary>
    NotServed,

    /// <summary>The user is not a manager of the customer's pool.</summary>
    NotManager,

    /// <summary>The rep has reached its claims for the day.</summary>
    DailyLimit,

    /// <summary>The rep has reached its claims for the month.</summary>
    MonthlyLimit,

    /// <summary>The rep owns as many customers as its level allows (保有量).</summary>
    OwnershipCap,

    /// <summary>The rep lost this customer less than the cool-down ago.</summary>
    CoolDown,
}
