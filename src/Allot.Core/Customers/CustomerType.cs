namespace Allot.Core.Customers;

/// <summary>Well-known customer types; a customer's type is free text, these are the usual values.</summary>
public static class CustomerType
{
    /// <summary>A consumer or small shop buying for its own use.</summary>
    public const string Retail = "retail";

    /// <summary>A trade buyer purchasing in bulk for resale.</summary>
    public const string Wholesale = "wholesale";

    /// <summary>A company buying for its own operations.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>A distributor (经销商) that resells to customers of its own.</summary>
    public const string Distributor = "distributor";
}
