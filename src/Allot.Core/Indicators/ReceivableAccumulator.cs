using Allot.Core.Receivables;

namespace Allot.Core.Indicators;

/// <summary>Collects invoices and payments into per-customer receivable totals and writes the financial columns.</summary>
/// <remarks>An invoice's open amount is its amount less what was paid on it up to the as-of date, never below
/// zero: overpaying one invoice does not settle another.</remarks>
internal sealed class ReceivableAccumulator(CustomerIndex index, int asOfDay)
{
    /// <summary>The columns <see cref="Write"/> makes.</summary>
    public static readonly string[] Columns = ["collection_days", "open_receivables", "overdue_amount", "overdue_days", "late_paid_share"];

    private readonly Dictionary<string, int> _invoiceOf = new(StringComparer.Ordinal);
    private readonly List<int> _customer = [];
    private readonly List<int> _issueDay = [];
    private readonly List<int> _dueDay = [];
    private readonly List<decimal> _amount = [];
    private decimal[] _paid = [];
    private ReceivableTotals[] _totals = [];

    /// <summary>Adds an invoice issued on or before the as-of date; later ones and repeated keys are skipped.</summary>
    public void Add(Invoice invoice)
    {
        if (invoice.IssueDate.DayNumber > asOfDay || _invoiceOf.ContainsKey(invoice.Key)) return;
        _invoiceOf.Add(invoice.Key, _customer.Count);
        _customer.Add(index.Register(invoice.CustomerKey));
        _issueDay.Add(invoice.IssueDate.DayNumber);
        _dueDay.Add(invoice.DueDate.DayNumber);
        _amount.Add(invoice.Amount);
    }

    /// <summary>Adds a payment made on or before the as-of date to an invoice added before; others are skipped.</summary>
    public void Add(Payment payment)
    {
        int day = payment.Date.DayNumber;
        if (day > asOfDay || !_invoiceOf.TryGetValue(payment.InvoiceKey, out int k)) return;
        if (_paid.Length < _customer.Count) Array.Resize(ref _paid, _customer.Count);
        _paid[k] += payment.Amount;
        index.Fit(ref _totals);
        ref ReceivableTotals t = ref _totals[_customer[k]];
        t.Paid += payment.Amount;
        t.PaidDays += payment.Amount * (day - _issueDay[k]);
        if (day > _dueDay[k]) t.PaidLate += payment.Amount;
    }

    /// <summary>Adds one customer's receivables, summed elsewhere.</summary>
    public void Add(ReceivableSummary s)
    {
        int c = index.Register(s.CustomerKey);
        index.Fit(ref _totals);
        ref ReceivableTotals t = ref _totals[c];
        t.Paid += s.Paid;
        t.PaidDays += s.PaidDays;
        t.PaidLate += s.PaidLate;
        t.Open += s.Open;
        t.Overdue += s.Overdue;
        t.OverdueDays = Math.Max(t.OverdueDays, s.OverdueDays);
    }

    /// <summary>Writes the financial columns for <paramref name="n"/> customers.</summary>
    public void Write(Dictionary<string, double[]> numbers, int n)
    {
        Array.Resize(ref _totals, n);
        Array.Resize(ref _paid, _customer.Count);
        for (int k = 0; k < _customer.Count; k++)
        {
            decimal open = Math.Max(_amount[k] - _paid[k], 0m);
            if (open == 0) continue;
            ref ReceivableTotals t = ref _totals[_customer[k]];
            t.Open += open;
            // Past due means the due date is before as-of: an invoice due on the as-of date is not yet late.
            int late = asOfDay - _dueDay[k];
            if (late > 0)
            {
                t.Overdue += open;
                t.OverdueDays = Math.Max(t.OverdueDays, late);
            }
        }

        var collection = numbers["collection_days"] = new double[n];
        var open_ = numbers["open_receivables"] = new double[n];
        var overdue = numbers["overdue_amount"] = new double[n];
        var overdueDays = numbers["overdue_days"] = new double[n];
        var lateShare = numbers["late_paid_share"] = new double[n];
        for (int i = 0; i < n; i++)
        {
            ref ReceivableTotals t = ref _totals[i];
            collection[i] = t.Paid != 0 ? (double)(t.PaidDays / t.Paid) : double.NaN;
            open_[i] = (double)t.Open;
            overdue[i] = (double)t.Overdue;
            overdueDays[i] = t.OverdueDays;
            lateShare[i] = t.Paid != 0 ? (double)(t.PaidLate / t.Paid) : double.NaN;
        }
    }
}
