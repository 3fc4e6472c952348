namespace Allot.Core.Customers;

/// <summary>What the book says about a customer about to be created.</summary>
public enum CheckVerdict
{
    /// <summary>Nothing like it in the book: create it.</summary>
    New,

    /// <summary>It (or a likely duplicate) is owned by the rep asking.</summary>
    OwnedByYou,

    /// <summary>It (or a likely duplicate) belongs to another rep.</summary>
    OwnedByAnother,

    /// <summary>It (or a likely duplicate) is in the public pool: claim it instead of creating it.</summary>
    InPool,

    /// <summary>It (or a likely duplicate) exists without owner outside the pool (the next reclaim run pools it).</summary>
    Unowned,

    /// <summary>It (or a likely duplicate) exists and is marked lost.</summary>
    Lost,
}
