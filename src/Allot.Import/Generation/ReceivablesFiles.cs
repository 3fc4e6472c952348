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
        var state = new State(population);
        using var invoices = new CsvWriter(invoicesPath, CsvLayout.InvoicesHeader);
        using var payments = new CsvWriter(paymentsPath, CsvLayout.PaymentsHeader);
        state.Invoices = invoices;
        state.Payments = payments;

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
                    state.Invoice(i, order.Day, dueDays, order.AmountCents, c.LatePayer, ref rng);
                    continue;
                }

                var date = DateOnly.FromDayNumber(order.Day);
                var key = date.Year * 12 + date.Month;
                if (key != monthKey)
                {
                    if (monthAmount > 0)
                        state.Invoice(i, monthEnd, dueDays, monthAmount, c.LatePayer, ref rng);
                    monthKey = key;
                    monthAmount = 0;
                    var lastOfMonth = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
                    monthEnd = Math.Min(lastOfMonth.DayNumber, population.EndDay);
                }

                monthAmount += order.AmountCents;
            }

            if (monthAmount > 0)
                state.Invoice(i, monthEnd, dueDays, monthAmount, c.LatePayer, ref rng);
        }

        progress.Advance(part, customers.Length);
        return (new FileResult(state.InvoiceCount, invoices.BytesWritten), new FileResult(state.PaymentCount, payments.BytesWritten));
    }

    private sealed class State(Population population)
    {
        public CsvWriter Invoices { get; set; } = null!;

        public CsvWriter Payments { get; set; } = null!;

        public long InvoiceCount { get; private set; }

        public long PaymentCount { get; private set; }

        public void Invoice(int customer, int issueDay, int dueDays, long amountCents, bool latePayer, ref Rng rng)
        {
            var invoice = ++InvoiceCount;
            var dueDay = issueDay + dueDays;
            Invoices.Id(CsvLayout.InvoicePrefix, invoice, CsvLayout.OpenIdWidth);
            Invoices.Id(CsvLayout.CustomerPrefix, customer + 1, population.CustomerIdWidth);
            Invoices.Date(issueDay);
            Invoices.Date(dueDay);
            Invoices.Money(amountCents);
            Invoices.EndRow();

            if (rng.Chance(latePayer ? 0.06 : 0.01))
                return; // Never paid: disputed or written off.

            int payDay;
            if (latePayer)
                payDay = dueDay + rng.NextInt(30, 120);
            else if (rng.Chance(0.9))
                payDay = issueDay + rng.NextInt(Math.Min(3, dueDays), dueDays);
            else
                payDay = dueDay + rng.NextInt(1, 20);

            if (rng.Chance(0.04))
            {
                // Paid in part; the rest follows later, or never.
                var first = Math.Max(1, (long)Math.Round(amountCents * rng.Uniform(0.3, 0.8)));
                Pay(invoice, payDay, first);
                if (rng.Chance(0.5))
                    Pay(invoice, payDay + rng.NextInt(15, 60), amountCents - first);
                return;
            }

            Pay(invoice, payDay, amountCents);
        }

        private void Pay(long invoice, int day, long amountCents)
        {
            if (day > population.EndDay || amountCents <= 0)
                return;

            Payments.Id(CsvLayout.PaymentPrefix, ++PaymentCount, CsvLayout.OpenIdWidth);
            Payments.Id(CsvLayout.InvoicePrefix, invoice, CsvLayout.OpenIdWidth);
            Payments.Date(day);
            Payments.Money(amountCents);
            Payments.EndRow();
        }
    }
}
