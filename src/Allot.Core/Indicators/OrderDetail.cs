namespace Allot.Core.Indicators;

/// <summary>What beyond per-customer sums a set of transaction indicators needs from the orders.</summary>
[Flags]
public enum OrderDetail
{
    /// <summary>Sums, counts, first and last dates only.</summary>
    None = 0,

    /// <summary>Each customer's distinct purchase dates (<c>purchase_days</c>, <c>repurchase_rate</c>).</summary>
    PurchaseDays = 1,

    /// <summary>Each customer's distinct categories (<c>category_breadth</c>).</summary>
    Categories = 2,
}
