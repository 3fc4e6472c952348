using Allot.Core.Customers;

namespace Allot.Core.Indicators;

/// <summary>Computes every indicator of <see cref="IndicatorCatalog"/> for every customer at an as-of date.</summary>
/// <remarks>
/// <para>Rows are the customers of <see cref="IndicatorInput.Customers"/> plus every customer key met in orders,
/// invoices, interactions or feedback dated on or before as-of (those have null text columns and NaN
/// <c>key_account</c>). Anything dated after as-of is ignored, as if it had not happened yet.</para>
/// <para>Windows end at as-of inclusive: "last N days" are the days d with asOf − N &lt; d ≤ asOf, so an order
/// exactly N days before as-of is outside; the previous 365 days are asOf − 730 &lt; d ≤ asOf − 365.</para>
/// <para>The result depends only on the data, never on its order: sums are exact decimals, and ties among
/// latest answers on one date go to the ordinally greatest key.</para>
/// </remarks>
public static class IndicatorCalculator
{
    /// <summary>Computes the indicator table.</summary>
    /// <param name="input">The data.</param>
    /// <param name="asOf">The date the indicators describe. When null: the latest order date in the data (so a
    /// snapshot is described as of its last sale, and no clock is read); without orders, the latest date of any
    /// invoice, payment, interaction or feedback; with no dated data at all, <see cref="DateOnly.MinValue"/>.
    /// Required with <see cref="IndicatorInput.OrderSummaries"/>.</param>
    /// <exception cref="ArgumentException">Order summaries without an as-of date.</exception>
    public static IndicatorTable Compute(IndicatorInput input, DateOnly? asOf = null) => Compute(input, asOf, null);

    /// <summary>Computes the indicator table, keeping only some of its columns.</summary>
    /// <param name="input">The data.</param>
    /// <param name="asOf">As for <see cref="Compute(IndicatorInput, DateOnly?)"/>.</param>
    /// <param name="columns">The indicators to keep, by name (unknown names are ignored), which saves memory when
    /// a caller reads a few of them; null keeps every one. The kept columns equal those of the full table.</param>
    /// <exception cref="ArgumentException">Order summaries without an as-of date.</exception>
    public static IndicatorTable Compute(IndicatorInput input, DateOnly? asOf, IReadOnlyCollection<string>? columns)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (asOf is null && input.OrderSummaries.Any())
            throw new ArgumentException("order summaries are summed up to an as-of date, which must be given with them", nameof(asOf));
        DateOnly date = asOf ?? DefaultAsOf(input);
        int day = date.DayNumber;

        var index = new CustomerIndex();
        var records = new List<Customer>();
        foreach (var customer in input.Customers)
            if (index.TryAdd(customer.Key, out _)) records.Add(customer);

        var orders = new OrderAccumulator(index, day);
        foreach (var order in input.Orders) orders.Add(order);
        if (index.Count == 0 && input.OrderSummaries is IReadOnlyList<OrderSummary> first) orders.AddFirst(first);
        else
        {
            if (input.OrderSummaries.TryGetNonEnumeratedCount(out int summaries)) index.EnsureCapacity(index.Count + summaries);
            foreach (var summary in input.OrderSummaries) orders.Add(summary);
        }
        var receivables = new ReceivableAccumulator(index, day);
        foreach (var invoice in input.Invoices) receivables.Add(invoice);
        foreach (var payment in input.Payments) receivables.Add(payment);
        var engagement = new EngagementAccumulator(index, day);
        foreach (var interaction in input.Interactions) engagement.Add(interaction);
        foreach (var feedback in input.Feedback) engagement.Add(feedback);
        return Finish(date, index, records, orders, receivables, engagement, columns);
    }

    /// <summary>Computes the indicator table from per-customer sums made elsewhere (a database's GROUP BY):
    /// the same table <see cref="Compute(IndicatorInput, DateOnly?)"/> gives for the records they sum.</summary>
    /// <param name="input">The sums, each made over records dated on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The date the sums describe.</param>
    public static IndicatorTable Compute(IndicatorSummaries input, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(input);
        int day = asOf.DayNumber;
        var index = new CustomerIndex();
        var records = new List<Customer>();
        foreach (var customer in input.Customers)
            if (index.TryAdd(customer.Key, out _)) records.Add(customer);
        var orders = new OrderAccumulator(index, day);
        foreach (var summary in input.Orders) orders.Add(summary);
        var receivables = new ReceivableAccumulator(index, day);
        foreach (var summary in input.Receivables) receivables.Add(summary);
        var engagement = new EngagementAccumulator(index, day);
        foreach (var summary in input.Engagement) engagement.Add(summary);
        return Finish(asOf, index, records, orders, receivables, engagement);
    }

    private static IndicatorTable Finish(DateOnly date, CustomerIndex index, List<Customer> records, OrderAccumulator orders,
        ReceivableAccumulator receivables, EngagementAccumulator engagement, IReadOnlyCollection<string>? columns = null)
    {
        int n = index.Count;
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var wanted = columns?.ToHashSet(StringComparer.Ordinal);
        // A group of columns none of which is wanted is not made at all.
        bool Wanted(IEnumerable<string> names) => wanted is null || names.Any(wanted.Contains);
        orders.Write(numbers, n, wanted);
        if (Wanted(ReceivableAccumulator.Columns)) receivables.Write(numbers, n);
        if (Wanted(EngagementAccumulator.Columns)) engagement.Write(numbers, n);
        var texts = Wanted(CharacteristicColumns) ? Characteristics(records, n, numbers) : new Dictionary<string, string?[]>(StringComparer.Ordinal);
        if (wanted is not null)
        {
            foreach (string name in numbers.Keys.Where(k => !wanted.Contains(k)).ToList()) numbers.Remove(name);
            foreach (string name in texts.Keys.Where(k => !wanted.Contains(k)).ToList()) texts.Remove(name);
        }
        return IndicatorTable.Create(date, index.Keys, numbers, texts, adopt: true);
    }

    private static readonly string[] CharacteristicColumns = ["key_account", "type", "industry", "region", "city", "channel", "owner"];

    // Records come first in the index (rows 0..records.Count-1); customers known only from activity follow.
    private static Dictionary<string, string?[]> Characteristics(List<Customer> records, int n, Dictionary<string, double[]> numbers)
    {
        var type = new string?[n];
        var industry = new string?[n];
        var region = new string?[n];
        var city = new string?[n];
        var channel = new string?[n];
        var owner = new string?[n];
        var keyAccount = new double[n];
        Array.Fill(keyAccount, double.NaN);
        for (int i = 0; i < records.Count; i++)
        {
            var c = records[i];
            (type[i], industry[i], region[i], city[i], channel[i], owner[i]) = (c.Type, c.Industry, c.Region, c.City, c.Channel, c.OwnerRepKey);
            keyAccount[i] = c.KeyAccount ? 1 : 0;
        }
        numbers["key_account"] = keyAccount;
        return new(StringComparer.Ordinal)
        {
            ["type"] = type,
            ["industry"] = industry,
            ["region"] = region,
            ["city"] = city,
            ["channel"] = channel,
            ["owner"] = owner,
        };
    }

    private static DateOnly DefaultAsOf(IndicatorInput input)
    {
        int latest = -1;
        foreach (var order in input.Orders) latest = Math.Max(latest, order.Date.DayNumber);
        if (latest >= 0) return DateOnly.FromDayNumber(latest);
        foreach (var invoice in input.Invoices) latest = Math.Max(latest, invoice.IssueDate.DayNumber);
        foreach (var payment in input.Payments) latest = Math.Max(latest, payment.Date.DayNumber);
        foreach (var interaction in input.Interactions) latest = Math.Max(latest, interaction.Date.DayNumber);
        foreach (var feedback in input.Feedback) latest = Math.Max(latest, feedback.Date.DayNumber);
        return latest >= 0 ? DateOnly.FromDayNumber(latest) : DateOnly.MinValue;
    }
}
