namespace Allot.Core.Alerts;

/// <summary>What a customer owes on a day.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Open">Everything still owed (invoices issued by the day, less payments by the day).</param>
/// <param name="Overdue">What is owed on invoices past their due date (and the grace days).</param>
/// <param name="OverdueInvoices">How many invoices are overdue.</param>
/// <param name="OldestOverdue">The earliest due date among the overdue invoices.</param>
public sealed record ReceivableStanding(string CustomerKey, decimal Open, decimal Overdue, int OverdueInvoices, DateOnly? OldestOverdue);
