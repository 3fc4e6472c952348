using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;

namespace Allot.Core.Tests.Maintenance;

/// <summary>A book in memory: what the store does for the workflows, without a database (the store's own tests check
/// it does the same).</summary>
internal sealed class InMemoryBook : IMaintenanceBook
{
    public SortedDictionary<string, BookCustomer> Customers { get; } = new(StringComparer.Ordinal);
    public List<Rep> Reps { get; } = [];
    public List<PoolEvent> Events { get; } = [];
    public List<FollowUpTask> Tasks { get; private set; } = [];
    public List<InvoiceBalance> Invoices { get; } = [];
    public Dictionary<(string, DateOnly), JobRun> Runs { get; } = [];
    public int Refreshes { get; private set; }

    public DateOnly? ClassifiedOn { get; set; }

    public InMemoryBook Add(params BookCustomer[] customers)
    {
        foreach (var c in customers) Customers[c.Key] = c;
        return this;
    }

    public void RefreshActivity() => Refreshes++;

    public IEnumerable<BookCustomer> ReadBook(CustomerStatus? status = null) =>
        Customers.Values.Where(c => status is null || c.Status == status).ToList();

    public BookCustomer? GetBookCustomer(string key) => Customers.GetValueOrDefault(key);

    public IReadOnlyList<Rep> ReadReps() => Reps;

    public Rep? GetRep(string key) => Reps.FirstOrDefault(r => r.Key == key);

    public int CountOwned(string repKey) => Customers.Values.Count(c => c.Status == CustomerStatus.Active && c.OwnerRepKey == repKey);

    public int CountEvents(string repKey, PoolEventKind kind, DateOnly from, DateOnly to) =>
        Events.Count(e => e.RepKey == repKey && e.Kind == kind && e.Day >= from && e.Day <= to);

    public DateOnly? LastLost(string customerKey, string repKey) =>
        Events.Where(e => e.CustomerKey == customerKey && e.RepKey == repKey && e.Kind is PoolEventKind.Reclaimed or PoolEventKind.Released)
            .Select(e => (DateOnly?)e.Day).Max();

    public IEnumerable<InvoiceBalance> ReadOpenInvoices(DateOnly today) => Invoices;

    public IEnumerable<FollowUpTask> ReadTasks(string? repKey = null) => Tasks.Where(t => repKey is null || t.RepKey == repKey).ToList();

    public void Apply(PoolEvent e)
    {
        Events.Add(e);
        var c = Customers[e.CustomerKey];
        Customers[e.CustomerKey] = e.Kind switch
        {
            PoolEventKind.Warned => c with { Warning = new PoolWarning(e.RepKey!, e.Day, e.Due!.Value) },
            PoolEventKind.Reclaimed or PoolEventKind.Released or PoolEventKind.Pooled =>
                c with { Status = CustomerStatus.Pool, OwnerRepKey = null, OwnerSince = e.Day, Warning = null },
            _ => c with { Status = CustomerStatus.Active, OwnerRepKey = e.RepKey, OwnerSince = e.Day, Warning = null },
        };
    }

    public void ReplaceTasks(IEnumerable<FollowUpTask> tasks, DateOnly plannedOn) => Tasks = [.. tasks];

    public void ReplaceTasks(string customerKey, IEnumerable<FollowUpTask> tasks, DateOnly plannedOn) =>
        Tasks = [.. Tasks.Where(t => t.CustomerKey != customerKey), .. tasks];

    public void AddInteraction(Interaction interaction)
    {
        var c = Customers[interaction.CustomerKey];
        if (c.LastInteraction is not { } last || interaction.Date > last) Customers[c.Key] = c with { LastInteraction = interaction.Date };
    }

    public JobRun? GetJobRun(string job, DateOnly day) => Runs.GetValueOrDefault((job, day));

    public void RecordJobRun(string job, DateOnly day, string by, string summary)
    {
        var now = DateTimeOffset.UnixEpoch;
        Runs[(job, day)] = Runs.TryGetValue((job, day), out var r) ? r with { Runs = r.Runs + 1, Summary = summary } : new JobRun(job, day, 1, now, now, by, summary, null);
    }

    public void MarkDigestSent(string job, DateOnly day) => Runs[(job, day)] = Runs[(job, day)] with { DigestSentAt = DateTimeOffset.UnixEpoch };
}
