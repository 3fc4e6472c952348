namespace Allot.Core.Indicators;

/// <summary>Running receivable totals of one customer.</summary>
internal struct ReceivableTotals
{
    public decimal Paid, PaidDays, PaidLate, Open, Overdue;
    public int OverdueDays;
}
