using Allot.Core.Alerts;
using Allot.Core.Care;
using Allot.Core.Customers;
using Allot.Core.FollowUps;
using Allot.Core.Pool;

namespace Allot.Core.Maintenance;

/// <summary>The daily job (reclaim, plan, alerts) over one <see cref="IMaintenanceBook"/>: the entry point for
/// <c>allot daily</c>, the single commands and, later, a server's scheduler.</summary>
/// <remarks>
/// <para>The caller opens the book as one transaction and commits it when this returns: a job interrupted half-way
/// leaves nothing behind. Re-running it for the same day is safe: customers reclaimed are in the pool already,
/// a warning is not repeated while it stands, the plan is replaced by the same plan, and the day's record counts
/// the run (<see cref="JobResult.Previous"/> says it had run).</para>
/// <para>One pass over the book decides everything, in key order: the pool decision (<see cref="Reclaimer"/>); for a
/// customer that stays owned, its follow-ups (<see cref="FollowUpPlanner"/>) and care dates (<see cref="CarePlanner"/>);
/// then its alerts (<see cref="AlertRules"/>), which see the day's decisions. Writes come after the pass.</para>
/// </remarks>
public static class DailyJob
{
    /// <summary>Runs the job's steps.</summary>
    /// <param name="book">The book, one transaction (write, unless dry).</param>
    /// <param name="rules">The rules.</param>
    /// <param name="options">Day, steps, horizon, who.</param>
    public static JobResult Run(IMaintenanceBook book, MaintenanceRules rules, JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Weeks, 1);
        var today = options.Today;
        var steps = options.Steps;
        bool reclaim = steps.HasFlag(JobSteps.Reclaim), plan = steps.HasFlag(JobSteps.Plan), alerts = steps.HasFlag(JobSteps.Alerts);
        var previous = book.GetJobRun(options.Job, today);
        book.RefreshActivity();
        var activeReps = new HashSet<string>(book.ReadReps().Where(r => r.Active).Select(r => r.Key), StringComparer.Ordinal);
        var receivables = alerts
            ? ReceivableStandings.Summarize(book.ReadOpenInvoices(today), today, rules.Alerts.ReceivableGraceDays)
            : new Dictionary<string, ReceivableStanding>();
        var classifiedOn = book.ClassifiedOn;
        var until = Horizon(today, options.Weeks);

        var events = new List<PoolEvent>();
        var tasks = new List<FollowUpTask>();
        var alertList = new List<Alert>();
        var mine = new List<FollowUpTask>();
        int customers = 0, exempt = 0;
        foreach (var read in ReadAhead(book.ReadBook()))
        {
            customers++;
            var c = read;
            var customerRules = rules.For(c);
            PoolWarning? warning = null;
            if (reclaim || alerts)
            {
                bool owned = c.Status == CustomerStatus.Active && c.OwnerRepKey is not null;
                if (owned && Reclaimer.ExemptReason(c, customerRules.Reclaim) is not null) exempt++;
                var decision = Reclaimer.Decide(c, customerRules, c.OwnerRepKey is { } o && activeReps.Contains(o), today, options.By);
                if (decision is not null && reclaim)
                {
                    events.Add(decision);
                    c = After(c, decision);
                }
                if (alerts)
                {
                    warning = decision is { Kind: PoolEventKind.Warned } w
                        ? new PoolWarning(w.RepKey!, today, w.Due!.Value)
                        : Reclaimer.StandingWarning(c, customerRules);
                }
            }
            if (!plan && !alerts) continue;
            mine.Clear();
            var churn = Plan(c, customerRules, rules, options, classifiedOn, until, mine);
            tasks.AddRange(mine);
            if (alerts)
                AlertRules.ForCustomer(c, customerRules, mine, receivables.GetValueOrDefault(c.Key), churn, warning, today, alertList);
        }

        var result = new JobResult(options, customers, events, exempt, tasks, alertList, previous);
        if (options.DryRun) return result;
        foreach (var e in events) book.Apply(e);
        if (plan) book.ReplaceTasks(tasks, today);
        book.RecordJobRun(options.Job, today, options.By, result.Summary);
        return result;
    }

    /// <summary>Reads the book on a second thread, a batch ahead of the decisions, so reading (mostly the store's work)
    /// and deciding overlap; the order is kept, and the book is only touched from that thread while the pass lasts.</summary>
    /// <remarks>At a million customers reading is a little over half of the pass; on two cores the overlap saved about
    /// a third of it. A failure on either side stops the other and is rethrown.</remarks>
    private static IEnumerable<BookCustomer> ReadAhead(IEnumerable<BookCustomer> book)
    {
        const int Batch = 2048;
        using var stop = new CancellationTokenSource();
        using var batches = new System.Collections.Concurrent.BlockingCollection<BookCustomer[]>(boundedCapacity: 16);
        var reader = Task.Run(() =>
        {
            try
            {
                var batch = new List<BookCustomer>(Batch);
                foreach (var c in book)
                {
                    batch.Add(c);
                    if (batch.Count < Batch) continue;
                    batches.Add([.. batch], stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) batches.Add([.. batch], stop.Token);
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, stop.Token);
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
                foreach (var c in batch)
                    yield return c;
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped because the consumer stopped early or failed; its own exception is the one that matters.
            }
        }
    }

    /// <summary>Plans one customer's follow-ups and care dates (what the job does for each customer, and what a logged
    /// interaction re-does for its customer); returns its churn warning.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="customerRules">Its rules.</param>
    /// <param name="rules">The rules file (follow-up and care settings).</param>
    /// <param name="options">The day and the value-model hook.</param>
    /// <param name="classifiedOn">The latest classification run's as-of date.</param>
    /// <param name="until">The plan's last day.</param>
    /// <param name="into">Receives the tasks.</param>
    public static ChurnSignal? Plan(BookCustomer customer, CustomerRules customerRules, MaintenanceRules rules, JobOptions options, DateOnly? classifiedOn,
        DateOnly until, ICollection<FollowUpTask> into)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        double? alive = options.AliveProbability is { } p && p.TryGetValue(customer.Key, out double a) ? a : null;
        var churn = ChurnSignals.Of(customer, rules.FollowUps, classifiedOn, alive, options.ValuedOn);
        FollowUpPlanner.Plan(customer, customerRules, rules.FollowUps, churn, options.Today, until, into);
        CarePlanner.Plan(customer, rules.Care, options.Today, until, into);
        return churn;
    }

    /// <summary>Re-plans one customer after its owner or activity changed (a claim, an assignment, a release, a logged
    /// interaction), so the stored plan never names a rep for a customer it no longer owns; returns the new tasks.</summary>
    /// <param name="book">The book, in the transaction that made the change.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="customerKey">The customer.</param>
    /// <param name="today">The business day.</param>
    public static IReadOnlyList<FollowUpTask> Replan(IMaintenanceBook book, MaintenanceRules rules, string customerKey, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(rules);
        var tasks = new List<FollowUpTask>();
        if (book.GetBookCustomer(customerKey) is { } c)
        {
            var options = new JobOptions("replan", today, "replan", JobSteps.Plan, rules.FollowUps.HorizonWeeks);
            Plan(c, rules.For(c), rules, options, book.ClassifiedOn, Horizon(today, options.Weeks), tasks);
        }
        book.ReplaceTasks(customerKey, tasks, today);
        return tasks;
    }

    /// <summary>The last day of a plan made on <paramref name="today"/> reaching <paramref name="weeks"/> weeks ahead.</summary>
    public static DateOnly Horizon(DateOnly today, int weeks) => today.AddDays(7 * weeks - 1);

    /// <summary>The customer as the day's decision leaves it (for planning and alerts in the same pass).</summary>
    private static BookCustomer After(BookCustomer c, PoolEvent e) => e.Kind switch
    {
        PoolEventKind.Reclaimed or PoolEventKind.Pooled or PoolEventKind.Released =>
            c with { Status = CustomerStatus.Pool, OwnerRepKey = null, OwnerSince = e.Day, Warning = null },
        PoolEventKind.Warned => c with { Warning = new PoolWarning(e.RepKey!, e.Day, e.Due!.Value) },
        _ => c,
    };

    /// <summary>Plan order: rep, due date, customer, kind.</summary>
    public static int TaskOrder(FollowUpTask x, FollowUpTask y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int c = string.CompareOrdinal(x.RepKey, y.RepKey);
        if (c == 0) c = x.Due.CompareTo(y.Due);
        if (c == 0) c = string.CompareOrdinal(x.CustomerKey, y.CustomerKey);
        if (c == 0) c = x.Kind.CompareTo(y.Kind);
        return c;
    }
}
