namespace Allot.Core.Alerts;

/// <summary>Sums open invoices into what each customer owes.</summary>
public static class ReceivableStandings
{
    /// <summary>Per customer with anything open: the total owed and the overdue part.</summary>
    /// <param name="invoices">Open invoices (issued by <paramref name="today"/>, with payments by then).</param>
    /// <param name="today">The business day.</param>
    /// <param name="graceDays">An invoice is overdue once <paramref name="today"/> is more than this many days after its due date.</param>
    public static IReadOnlyDictionary<string, ReceivableStanding> Summarize(IEnumerable<InvoiceBalance> invoices, DateOnly today, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var byCustomer = new Dictionary<string, ReceivableStanding>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            decimal open = invoice.Open;
            if (open <= 0) continue;
            bool overdue = today > invoice.DueDate.AddDays(graceDays);
            var s = byCustomer.GetValueOrDefault(invoice.CustomerKey) ?? new ReceivableStanding(invoice.CustomerKey, 0, 0, 0, null);
            byCustomer[invoice.CustomerKey] = overdue
                ? s with
                {
                    Open = s.Open + open, Overdue = s.Overdue + open, OverdueInvoices = s.OverdueInvoices + 1,
                    OldestOverdue = s.OldestOverdue is { } o && o <= invoice.DueDate ? o : invoice.DueDate,
                }
                : s with { Open = s.Open + open };
        }
        return byCustomer;
    }
}
