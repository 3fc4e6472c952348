namespace Allot.Core.Indicators;

/// <summary>Running order totals of one customer.</summary>
/// <remarks>Money is summed as decimal so totals are exact to the cent; it becomes double only in the table.</remarks>
internal struct OrderTotals
{
    public int Orders, Orders365, Orders180, Orders90;
    public int FirstDay, LastDay;
    // Day number + 1 of the previous order seen (0 = none), so consecutive orders on one date add one purchase day entry.
    public int LastSeenPlusOne;
    public int ProfitOrders;
    public decimal Amount, Amount365, Amount180, Amount90, AmountPrev365;
    public decimal Profit, Profit365, ProfitBase;
    // Bit i set when category i (of the first 64 seen) was ordered; later categories go to an overflow set.
    public ulong Categories;
}
