namespace Allot.Import.Generation;

/// <summary>Writes invoices.csv and payments.csv by replaying the orders of business customers.</summary>
/// <remarks>Retail customers pay on the spot and get no invoices. Wholesale customers are mostly billed per
/// order; enterprises and distributors (and the other wholesale customers) get a monthly statement (月结)
/// issued at month end. Enterprises have 60 days to pay, the others 30. Most invoices are paid by the due
/// date; late payers (about 10 % of customers) pay 30–120 days late; a few invoices are paid in part or not
/// at all. Payments that would fall after the end date are not written: those invoices are still open.</remarks>
internal static class ReceivablesFiles
{
    /// <summary>Writes both files; returns (invoices, payments).</summary>
    public static (FileResult Invoices, FileResult Payments) Write(
        Population population, string invoicesPath, string paymentsPath, ProgressTracker progress, int part, CancellationToken ct)
    {
        var customers = population.Customers;
        using var invoices = new CsvWriter(invoicesPath, CsvLayout.InvoicesHeader);
        using var payments = new CsvWriter(paymentsPath, CsvLayout.PaymentsHeader);
        var ledger = new InvoiceLedger(population, invoices, payments);

        for (var i = 0; i < customers.Length; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress.Advance(part, i);
            }

            ref readonly var c = ref customers[i];
            if (c.Type == 0 || c.OrderCount == 0)
                continue;

            var rng = Rng.For(population.Seed, RngStream.Payments, i);
            var perOrder = c.Type == 1 && rng.Chance(0.7);
            var dueDays = c.Type == 2 ? 60 : 30;
            var orders = new OrderStream(population.Seed, i, in c);
            var monthKey = -1;
            var monthEnd = 0;
            long monthAmount = 0;
            while (orders.Next(out var order))
            {
                if (perOrder)
                {
                    ledger.Invoice(i, order.Day, dueDays, order.AmountCents, c.LatePayer, ref rng);
                    continue;
                }

                var date = DateOnly.FromDayNumber(order.Day);
                var key = date.Year * 12 + date.Month;
                if (key != monthKey)
                {
                    if (monthAmount > 0)
                        ledger.Invoice(i, monthEnd, dueDays, monthAmount, c.LatePayer, ref rng);
                    monthKey = key;
                    monthAmount = 0;
                    var lastOfMonth = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
                    monthEnd = Math.Min(lastOfMonth.DayNumber, population.EndDay);
                }

                monthAmount += order.AmountCents;
            }

            if (monthAmount > 0)
                ledger.Invoice(i, monthEnd, dueDays, monthAmount, c.LatePayer, ref rng);
        }

        progress.Advance(part, customers.Length);
        return (new FileResult(ledger.InvoiceCount, invoices.BytesWritten), new FileResult(ledger.PaymentCount, payments.BytesWritten));
    }
}
