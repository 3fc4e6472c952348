namespace Allot.Core.Alerts;

/// <summary>An invoice with what has been paid against it up to a day.</summary>
/// <param name="CustomerKey">The invoiced customer.</param>
/// <param name="InvoiceKey">The invoice.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="Amount">Invoiced amount.</param>
/// <param name="Paid">Paid up to the day asked for.</param>
public sealed record InvoiceBalance(string CustomerKey, string InvoiceKey, DateOnly DueDate, decimal Amount, decimal Paid)
{
    /// <summary>What is still owed; never negative (an overpayment owes nothing).</summary>
    public decimal Open => Math.Max(0m, Amount - Paid);
}
