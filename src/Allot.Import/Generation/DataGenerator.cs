using System.Runtime.ExceptionServices;

namespace Allot.Import.Generation;

/// <summary>Generates a deterministic, realistic synthetic data set in the canonical CSV layout.</summary>
/// <remarks>
/// <para><b>Files</b> (UTF-8 without BOM, LF, RFC 4180 quoting only where needed, invariant culture, dates
/// yyyy-MM-dd, money with two decimals): customers.csv, reps.csv, orders.csv, invoices.csv, payments.csv,
/// interactions.csv and feedback.csv; ids are a prefix and a zero-padded number (C0000001, R0001,
/// O00000001, INV00000001, PAY00000001, I00000001, F00000001).</para>
/// <para><b>Customers.</b> Spread over 30 provincial regions by economic weight, 12 industries, and the types
/// retail (62 %), wholesale (18 %), enterprise (15 %) and distributor (5 %). A fifth were acquired before the
/// order window, the rest evenly within it. Half of retail (and some wholesale) customers buy through a
/// distributor of their region; their channel is that distributor's id, otherwise "direct". About 1.2 % are
/// duplicate-looking re-entries of an earlier customer in the same city: same phone, same email, the name with
/// a trailing space, or the name with another legal form (有限公司 ↔ 有限责任公司).</para>
/// <para><b>Purchases</b> follow BG/NBD: each customer has a purchase rate λ ~ Gamma(1.5, mean by type) per
/// year and a drop-out probability p ~ Beta(1, 9) after each purchase (lower for happier customers), so it
/// stays active for Gamma(K, 1/λ) years with K ~ Geometric(p). Exactly <see cref="GenerationOptions.Orders"/>
/// orders are split over the customers in proportion to λ × active years by rounding the running total, then
/// dated uniformly within each customer's active span (never after the end date). Order size is lognormal per
/// customer (σ = 0.6, median by type) times lognormal noise per order; with the spread of λ and of active
/// spans, the top 20 % of customers make roughly 75 % of sales. Profit is the category's margin plus noise; 2 % of orders are loss-making promotions.</para>
/// <para><b>Receivables</b>: see <see cref="ReceivablesFiles"/>. <b>Engagement</b>: see
/// <see cref="EngagementFiles"/>.</para>
/// <para><b>Reps</b> are junior (30 %), mid (45 %) or senior (25 %) with skills around 45/60/75, serve 1–3
/// regions (the first 30 reps cover every region) and know 1–3 industries; capacity is about the average
/// load scaled by level. Customers are owned by a rep serving their region, preferring free capacity, a
/// known industry and, for key accounts (top 3 % by value), seniors; 7 % of non-key customers are in the pool.</para>
/// <para><b>Determinism.</b> Every entity draws from its own xoshiro256** stream seeded by SplitMix64 from
/// (seed, stream, index), and logarithms and exponentials are computed from IEEE basic operations only,
/// so the same options give the same bytes on any machine and runtime. The files are written in parallel
/// (orders; invoices and payments; the rest), each replaying what it needs from per-customer state, so
/// memory depends on the number of customers, not of orders.</para>
/// </remarks>
public static class DataGenerator
{
    /// <summary>Generates the seven files into <paramref name="outDir"/> (created if missing, files overwritten).</summary>
    /// <param name="options">Size, seed and window.</param>
    /// <param name="outDir">Target directory.</param>
    /// <param name="progress">Receives coarse progress from 0 to 1, possibly from worker threads.</param>
    /// <param name="ct">Cancels the run; no finished file is then left behind from it.</param>
    /// <returns>Row counts, bytes written and the order amount total.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static GenerationSummary Generate(GenerationOptions options, string outDir, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Validate(options);

        Directory.CreateDirectory(outDir);
        string[] names =
        [
            CsvLayout.CustomersFile, CsvLayout.RepsFile, CsvLayout.OrdersFile, CsvLayout.InvoicesFile,
            CsvLayout.PaymentsFile, CsvLayout.InteractionsFile, CsvLayout.FeedbackFile,
        ];

        // Written under temporary names and renamed at the end, so a failed or cancelled run never leaves
        // a truncated file that looks complete.
        var temp = names.Select(n => Path.Combine(outDir, n + ".tmp")).ToArray();
        string Temp(string name) => temp[Array.IndexOf(names, name)];

        var tracker = new ProgressTracker(progress, options.Customers, 0.1, 0.5, 0.2, 0.2);
        tracker.Start();
        try
        {
            var population = Population.Build(options, ct);
            tracker.Advance(0, options.Customers);

            using var cancelOthers = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var token = cancelOthers.Token;
            var orders = Task.Run(() => Guard(cancelOthers, () =>
                OrdersFile.Write(population, Temp(CsvLayout.OrdersFile), tracker, 1, token)), token);
            var receivables = Task.Run(() => Guard(cancelOthers, () =>
                ReceivablesFiles.Write(population, Temp(CsvLayout.InvoicesFile), Temp(CsvLayout.PaymentsFile), tracker, 2, token)), token);
            var rest = Task.Run(() => Guard(cancelOthers, () =>
            {
                var reps = PeopleFiles.WriteReps(population, Temp(CsvLayout.RepsFile));
                var customers = PeopleFiles.WriteCustomers(population, Temp(CsvLayout.CustomersFile), tracker, 3, token);
                var engagement = EngagementFiles.Write(population, Temp(CsvLayout.InteractionsFile), Temp(CsvLayout.FeedbackFile), tracker, 3, token);
                return (reps, customers, engagement.Interactions, engagement.Feedback);
            }), token);

            WaitAll(ct, orders, receivables, rest);

            for (var k = 0; k < names.Length; k++)
                File.Move(temp[k], Path.Combine(outDir, names[k]), overwrite: true);

            var (orderFile, amountCents) = orders.Result;
            var (invoiceFile, paymentFile) = receivables.Result;
            var (repFile, customerFile, interactionFile, feedbackFile) = rest.Result;
            tracker.Finish();
            return new GenerationSummary
            {
                Customers = customerFile.Rows,
                Reps = repFile.Rows,
                Orders = orderFile.Rows,
                Invoices = invoiceFile.Rows,
                Payments = paymentFile.Rows,
                Interactions = interactionFile.Rows,
                Feedback = feedbackFile.Rows,
                BytesWritten = customerFile.Bytes + repFile.Bytes + orderFile.Bytes + invoiceFile.Bytes
                    + paymentFile.Bytes + interactionFile.Bytes + feedbackFile.Bytes,
                AmountTotal = amountCents / 100m,
            };
        }
        catch
        {
            foreach (var path in temp)
                TryDelete(path);
            throw;
        }
    }

    private static void Validate(GenerationOptions options)
    {
        if (options.Customers < 1)
            throw new ArgumentException($"Customers must be at least 1 (was {options.Customers}).", nameof(options));
        if (options.Reps < 1)
            throw new ArgumentException($"Reps must be at least 1 (was {options.Reps}).", nameof(options));
        if (options.Orders < 0)
            throw new ArgumentException($"Orders must not be negative (was {options.Orders}).", nameof(options));
        if (options.Years is < 1 or > 50)
            throw new ArgumentException($"Years must be between 1 and 50 (was {options.Years}).", nameof(options));

        // Birthdays reach 65 years and old accounts 8 years before the window, due dates months after the end:
        // keep them all representable four-digit dates.
        if (options.End.Year is < 1900 or > 9998)
            throw new ArgumentException($"End must be between 1900-01-01 and 9998-12-31 (was {options.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}).", nameof(options));
    }

    private static T Guard<T>(CancellationTokenSource cancelOthers, Func<T> work)
    {
        try
        {
            return work();
        }
        catch
        {
            // One failed writer makes the others pointless: stop them early.
            cancelOthers.Cancel();
            throw;
        }
    }

    private static void WaitAll(CancellationToken ct, params Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException aggregate)
        {
            // Report the real failure rather than the cancellations it caused in the other writers.
            var real = aggregate.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException);
            if (real is not null)
                ExceptionDispatchInfo.Capture(real).Throw();
            ct.ThrowIfCancellationRequested();
            throw new OperationCanceledException(ct);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the run has already failed for a better reason.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
