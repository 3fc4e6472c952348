using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Pool;
using Allot.Core.Reps;

namespace Allot.Core.Maintenance;

/// <summary>The port the pool, follow-up and alert workflows read and write the book through; the store implements
/// it as one transaction (see <c>IStore.BeginMaintenance</c>).</summary>
/// <remarks>Everything read reflects the writes made through the same book before. Implementations serialize
/// writers (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: the store's transaction-level advisory write lock), so a check
/// made here still holds when its result is written.</remarks>
public interface IMaintenanceBook
{
    /// <summary>Brings the per-customer activity summary (first and last order, last interaction) up to date with
    /// the stored orders and interactions.</summary>
    void RefreshActivity();

    /// <summary>The as-of date of the latest classification run (where tiers, segments and stages come from), or
    /// null when there is none.</summary>
    DateOnly? ClassifiedOn { get; }

    /// <summary>Every customer (or those of one status) with its activity, classes and standing warning, in key order.</summary>
    IEnumerable<BookCustomer> ReadBook(CustomerStatus? status = null);

    /// <summary>One customer with its activity, classes and standing warning, or null.</summary>
    BookCustomer? GetBookCustomer(string key);

    /// <summary>Every rep, in key order.</summary>
    IReadOnlyList<Rep> ReadReps();

    /// <summary>One rep, or null.</summary>
    Rep? GetRep(string key);

    /// <summary>Customers the rep owns now (active ones).</summary>
    int CountOwned(string repKey);

    /// <summary>Pool events of one kind for a rep on days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    int CountEvents(string repKey, PoolEventKind kind, DateOnly from, DateOnly to);

    /// <summary>The last day <paramref name="repKey"/> lost <paramref name="customerKey"/> (reclaimed from it or released by it), if ever.</summary>
    DateOnly? LastLost(string customerKey, string repKey);

    /// <summary>Invoices issued on or before <paramref name="today"/> and not fully paid by then.</summary>
    IEnumerable<InvoiceBalance> ReadOpenInvoices(DateOnly today);

    /// <summary>The stored follow-up and care tasks (the current plan), of one rep or of all, by rep, due date and customer.</summary>
    IEnumerable<FollowUpTask> ReadTasks(string? repKey = null);

    /// <summary>Records a pool event and applies it to the customer (see <see cref="PoolEventKind"/>); a change of
    /// owner is also written to the owner history.</summary>
    /// <exception cref="InvalidOperationException">The customer is not in the state the event starts from (a bug:
    /// events are decided on facts read through this book).</exception>
    void Apply(PoolEvent poolEvent);

    /// <summary>Replaces the whole plan with <paramref name="tasks"/>.</summary>
    void ReplaceTasks(IEnumerable<FollowUpTask> tasks, DateOnly plannedOn);

    /// <summary>Replaces one customer's tasks.</summary>
    void ReplaceTasks(string customerKey, IEnumerable<FollowUpTask> tasks, DateOnly plannedOn);

    /// <summary>Stores a logged interaction (it counts as a follow-up from its date on).</summary>
    /// <exception cref="InvalidOperationException">Its key exists already.</exception>
    void AddInteraction(Interaction interaction);

    /// <summary>A job's record for a day, or null when it has not run for that day.</summary>
    JobRun? GetJobRun(string job, DateOnly day);

    /// <summary>Records that a job ran for a day (a second run for the same day counts up and replaces the summary).</summary>
    void RecordJobRun(string job, DateOnly day, string by, string summary);

    /// <summary>Records that the day's digest of a job was posted to the webhook.</summary>
    void MarkDigestSent(string job, DateOnly day);
}
