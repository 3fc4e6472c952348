using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Pool;

/// <summary>A daily job that fails half-way (after its pool decisions were written, while the plan is) leaves the store
/// as it was; run again, it does the whole day once.</summary>
public sealed class InterruptedJobTests
{
    [Fact]
    public void DailyJob_FailsWhileWritingThePlan_NothingKept_ReRunDoesTheDayOnce()
    {
        using var t = new TempStore();
        Load(t.Store, [Rep("R1"), Rep("R2")],
            [Customer("C1", owner: "R1"), Customer("C2", owner: "R2"), Customer("C3") /* no owner: pooled */],
            interactions: [Interaction("I1", "C1", "2025-04-01", "R1")]);
        var rules = RulesParser.Parse("""{ "defaults": { "reclaim": { "no_interaction_days": 30, "warn_days": 0 } } }""", "r.json");
        var day = new DateOnly(2026, 6, 1);
        var options = new JobOptions("daily", day, "daily", JobSteps.All, 4);

        using (var session = t.Store.BeginMaintenance())
        {
            var failing = new FailingBook(session);
            Assert.Throws<IOException>(() => DailyJob.Run(failing, rules, options));
            Assert.True(failing.Applied > 0); // the owner changes were written in the transaction before the failure
        } // not committed: rolled back
        Assert.Empty(t.Store.GetPoolEvents());
        Assert.Empty(t.Store.GetJobRuns());
        Assert.Equal(["R1", "R2", null], new[] { "C1", "C2", "C3" }.Select(k => t.Store.GetCustomer(k)!.OwnerRepKey));
        Assert.All(new[] { "C1", "C2", "C3" }, k => Assert.Equal(CustomerStatus.Active, t.Store.GetCustomer(k)!.Status));

        JobResult first, second;
        using (var session = t.Store.BeginMaintenance())
        {
            first = DailyJob.Run(session, rules, options);
            session.Commit();
        }
        using (var session = t.Store.BeginMaintenance())
        {
            second = DailyJob.Run(session, rules, options);
            session.Commit();
        }
        Assert.Equal(3, first.Events.Count);
        Assert.Empty(second.Events);
        Assert.Equal(3, t.Store.GetPoolEvents().Count);
        Assert.Equal(2, Assert.Single(t.Store.GetJobRuns()).Runs);
    }

    /// <summary>Passes everything through, but fails when the plan is written.</summary>
    private sealed class FailingBook(IMaintenanceBook inner) : IMaintenanceBook
    {
        public int Applied { get; private set; }

        public DateOnly? ClassifiedOn => inner.ClassifiedOn;
        public void RefreshActivity() => inner.RefreshActivity();
        public IEnumerable<BookCustomer> ReadBook(CustomerStatus? status = null) => inner.ReadBook(status);
        public BookCustomer? GetBookCustomer(string key) => inner.GetBookCustomer(key);
        public IReadOnlyList<Rep> ReadReps() => inner.ReadReps();
        public Rep? GetRep(string key) => inner.GetRep(key);
        public int CountOwned(string repKey) => inner.CountOwned(repKey);
        public int CountEvents(string repKey, PoolEventKind kind, DateOnly from, DateOnly to) => inner.CountEvents(repKey, kind, from, to);
        public DateOnly? LastLost(string customerKey, string repKey) => inner.LastLost(customerKey, repKey);
        public IEnumerable<InvoiceBalance> ReadOpenInvoices(DateOnly today) => inner.ReadOpenInvoices(today);
        public IEnumerable<FollowUpTask> ReadTasks(string? repKey = null) => inner.ReadTasks(repKey);

        public void Apply(PoolEvent poolEvent)
        {
            inner.Apply(poolEvent);
            Applied++;
        }

        public void ReplaceTasks(IEnumerable<FollowUpTask> tasks, DateOnly plannedOn) => throw new IOException("disk full (simulated)");
        public void ReplaceTasks(string customerKey, IEnumerable<FollowUpTask> tasks, DateOnly plannedOn) => inner.ReplaceTasks(customerKey, tasks, plannedOn);
        public void AddInteraction(Interaction interaction) => inner.AddInteraction(interaction);
        public JobRun? GetJobRun(string job, DateOnly day) => inner.GetJobRun(job, day);
        public void RecordJobRun(string job, DateOnly day, string by, string summary) => inner.RecordJobRun(job, day, by, summary);
        public void MarkDigestSent(string job, DateOnly day) => inner.MarkDigestSent(job, day);
    }
}
