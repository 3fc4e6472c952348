namespace Allot.Core.Customers;

/// <summary>Where a customer stands in the book.</summary>
public enum CustomerStatus
{
    /// <summary>Served: has (or may be given) an owner rep.</summary>
    Active,

    /// <summary>In the public pool (公海): nobody owns it and a rep may claim it.</summary>
    Pool,

    /// <summary>Lost: no longer buys and is not followed up.</summary>
    Lost,
}
