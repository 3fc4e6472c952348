namespace Allot.Import.Generation;

/// <summary>Numbers invoices and payments and decides how each invoice gets paid (see <see cref="ReceivablesFiles"/>).</summary>
internal sealed class InvoiceLedger(Population population, CsvWriter invoices, CsvWriter payments)
{
    private readonly CsvWriter _invoices = invoices;
    private readonly CsvWriter _payments = payments;

    /// <summary>Invoices written.</summary>
    public long InvoiceCount { get; private set; }

    /// <summary>Payments written.</summary>
    public long PaymentCount { get; private set; }

    /// <summary>Writes an invoice and the payments it receives by the end date.</summary>
    public void Invoice(int customer, int issueDay, int dueDays, long amountCents, bool latePayer, ref Rng rng)
    {
        var invoice = ++InvoiceCount;
        var dueDay = issueDay + dueDays;
        _invoices.Id(CsvLayout.InvoicePrefix, invoice, CsvLayout.OpenIdWidth);
        _invoices.Id(CsvLayout.CustomerPrefix, customer + 1, population.CustomerIdWidth);
        _invoices.Date(issueDay);
        _invoices.Date(dueDay);
        _invoices.Money(amountCents);
        _invoices.EndRow();

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

        _payments.Id(CsvLayout.PaymentPrefix, ++PaymentCount, CsvLayout.OpenIdWidth);
        _payments.Id(CsvLayout.InvoicePrefix, invoice, CsvLayout.OpenIdWidth);
        _payments.Date(day);
        _payments.Money(amountCents);
        _payments.EndRow();
    }
}
