using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using Allot.Core.Value;
using Allot.Storage.Maintenance;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>The daily job on the store: a run that fails half-way (after its pool decisions were written, while the
/// plan is) leaves the store as it was, and run again it does the whole day once; the latest value run's P(alive)
/// reaches it (a customer the model says has probably stopped buying gets a churn follow-up and a churn alert, one it
/// says is active does not).</summary>
public abstract class DailyJobContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "allot-daily-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the rules would be: a PostgreSQL store's digests go beside them.</summary>
    private string RulesPath => Path.Combine(_folder, "r.json");

    protected override void Cleanup()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void DailyJob_FailsWhileWritingThePlan_NothingKept_ReRunDoesTheDayOnce()
    {
        var t = T;
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

    [Fact]
    public void DailyRun_LowAliveProbability_GivesChurnTaskAndAlert()
    {
        var t = T;
        Load(t.Store, [Rep("R1")], [Customer("C1", owner: "R1"), Customer("C2", owner: "R1")],
            interactions: [Interaction("I1", "C1", "2026-05-30", "R1"), Interaction("I2", "C2", "2026-05-30", "R1")]);
        var rules = RulesParser.Parse(DefaultRules.Text, "defaults");

        var before = DailyRun.Run(t.Store, rules, RulesPath,
            new JobOptions("daily", Day, "daily", JobSteps.Plan | JobSteps.Alerts, 4));
        Assert.DoesNotContain(before.Result.Tasks, x => x.Kind == FollowUpKind.Churn);

        t.Store.SaveValueRun("tests", Run(), [
            new("C1", 3, 10, 40, 50, 150, 0.12, 0.1, 50, 5, true, 120, 1),
            new("C2", 6, 39, 40, 50, 300, 0.93, 2.5, 50, 400, false, null, null),
        ]);
        var after = DailyRun.Run(t.Store, rules, RulesPath,
            new JobOptions("daily", Day, "daily", JobSteps.Plan | JobSteps.Alerts, 4));
        var churn = Assert.Single(after.Result.Tasks, x => x.Kind == FollowUpKind.Churn);
        Assert.Equal("C1", churn.CustomerKey);
        Assert.Contains("value model: P(active) 0.12 below 0.50", churn.Reason);
        Assert.Contains(after.Result.Alerts, a => a.CustomerKey == "C1" && a.Kind == Core.Alerts.AlertKind.ChurnWarning);
        Assert.DoesNotContain(after.Result.Alerts, a => a.CustomerKey == "C2" && a.Kind == Core.Alerts.AlertKind.ChurnWarning);
        Assert.True(File.Exists(after.DigestPath));
    }

    private static ValueRun Run() => new()
    {
        Model = "bgnbd", Unit = "week", CalibrationEnd = new DateOnly(2026, 5, 31),
        Parameters = [new FittedParameter("r", 0.24, 0.01), new FittedParameter("alpha", 4.4, 0.4), new FittedParameter("a", 0.79, 0.2), new FittedParameter("b", 2.4, 0.7)],
        LogLikelihood = -100, Converged = true, SpendParameters = [], SpendLogLikelihood = double.NaN, SpendCorrelation = double.NaN,
        HorizonDays = 90, ClvMonths = 12, DiscountRate = 0.01, Margin = 1, ChurnThreshold = 0.5, ChurnQuantile = 0.8, ChurnBasis = "historic",
        ValueCut = 100, Customers = 2, Warnings = 1,
    };

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
