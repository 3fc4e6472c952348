using Allot.Core.Customers;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>The maintenance session (the pool, plan and alert workflows' book): pool events and the owner history, the
/// book read whole and one customer at a time, the activity summary's watermarks, logged interactions, the plan
/// replaced as a difference, job records, read-only sessions, open invoices.</summary>
public abstract class MaintenanceContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private TestStore Loaded()
    {
        Load(T.Store, [Rep("R1"), Rep("R2")],
            [Customer("C1", owner: "R1"), Customer("C2", owner: "R2") with { KeyAccount = true, Tags = ["locked"] }, Customer("P1") with { Status = CustomerStatus.Pool }],
            [Order("O1", "C1", date: "2026-01-05"), Order("O2", "C1", date: "2026-02-10"), Order("O3", "C2", date: "2025-12-01")],
            [Interaction("I1", "C1", "2026-02-20", "R1")]);
        return T;
    }

    private static long Scalar(TestStore t, string sql) => t.Scalar(sql);

    [Fact]
    public void Apply_WarnReclaimClaim_CustomerMovesAndEveryOwnerChangeIsInTheHistory()
    {
        var t = Loaded();
        using (var s = t.Store.BeginMaintenance())
        {
            s.Apply(new PoolEvent("C1", PoolEventKind.Warned, "all", "R1", Day, "daily", "quiet", Day.AddDays(5)));
            Assert.Equal(new PoolWarning("R1", Day, Day.AddDays(5)), s.GetBookCustomer("C1")!.Warning);
            s.Apply(new PoolEvent("C1", PoolEventKind.Reclaimed, "all", "R1", Day.AddDays(5), "daily", "quiet too long"));
            var pooled = s.GetBookCustomer("C1")!;
            Assert.Equal((CustomerStatus.Pool, null, Day.AddDays(5), null), (pooled.Status, pooled.OwnerRepKey, pooled.OwnerSince, pooled.Warning));
            s.Apply(new PoolEvent("C1", PoolEventKind.Claimed, "all", "R2", Day.AddDays(6), "R2", "claimed"));
            Assert.Equal(1, s.CountEvents("R2", PoolEventKind.Claimed, Day, Day.AddDays(6)));
            Assert.Equal(Day.AddDays(5), s.LastLost("C1", "R1"));
            Assert.Equal(2, s.CountOwned("R2"));
            s.Commit();
        }
        var c1 = t.Store.GetCustomer("C1")!;
        Assert.Equal(("R2", CustomerStatus.Active), (c1.OwnerRepKey, c1.Status));
        var history = t.Store.GetOwnerHistory("C1");
        Assert.Equal([("R1", (string?)null), (null, "R2")], history.Skip(1).Select(h => (h.FromRepKey, h.ToRepKey)).ToList());
        Assert.Equal("pool reclaimed (all): quiet too long", history[1].Reason);
        Assert.Equal([PoolEventKind.Claimed, PoolEventKind.Reclaimed, PoolEventKind.Warned], t.Store.GetPoolEvents("C1").Select(e => e.Kind));
    }

    [Fact]
    public void Apply_FromTheWrongState_ThrowsAndTheRollbackKeepsTheStore()
    {
        var t = Loaded();
        using (var s = t.Store.BeginMaintenance())
        {
            s.Apply(new PoolEvent("P1", PoolEventKind.Claimed, "all", "R1", Day, "R1", "claimed"));
            var e = Assert.Throws<InvalidOperationException>(() => s.Apply(new PoolEvent("P1", PoolEventKind.Claimed, "all", "R2", Day, "R2", "claimed")));
            Assert.Contains("not in the pool", e.Message);
        } // disposed without commit
        Assert.Equal(CustomerStatus.Pool, t.Store.GetCustomer("P1")!.Status);
        Assert.Empty(t.Store.GetPoolEvents());
    }

    [Fact]
    public void ReadBook_MergedScans_AgreeWithTheOneCustomerLookup()
    {
        var t = Loaded();
        Classify(t.Store, new DateOnly(2026, 1, 31), ("C1", "A", "Champions", "mature"), ("P1", "C", null, "lost"));
        using var s = t.Store.BeginMaintenance();
        s.RefreshActivity();
        s.Apply(new PoolEvent("C2", PoolEventKind.Warned, "all", "R2", Day, "daily", "quiet", Day.AddDays(7)));
        var book = s.ReadBook().ToList();
        Assert.Equal(["C1", "C2", "P1"], book.Select(c => c.Key));
        foreach (var c in book)
        {
            var one = s.GetBookCustomer(c.Key)!;
            Assert.Equal(one with { Tags = [] }, c with { Tags = [] });
            Assert.Equal(one.Tags, c.Tags);
        }
        Assert.Equal(("A", "Champions", "mature"), (book[0].Tier, book[0].Segment, book[0].Stage));
        Assert.Equal((new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 20)), (book[0].FirstOrder, book[0].LastOrder, book[0].LastInteraction));
        Assert.True(book[1].KeyAccount);
        Assert.Equal(["locked"], book[1].Tags);
        Assert.Equal("R2", book[1].Warning!.RepKey);
        Assert.Equal(["P1"], s.ReadBook(CustomerStatus.Pool).Select(c => c.Key));
        Assert.Equal(new DateOnly(2026, 1, 31), s.ClassifiedOn);
    }

    [Fact]
    public void RefreshActivity_NewRowsMergedIn_AnUpdatedOrderRebuildsTheSummary()
    {
        var t = Loaded();
        DateOnly? Last(string key)
        {
            using var s = t.Store.BeginMaintenance();
            s.RefreshActivity();
            var last = s.GetBookCustomer(key)!.LastOrder;
            s.Commit();
            return last;
        }
        Assert.Equal(new DateOnly(2026, 2, 10), Last("C1"));
        Load(t.Store, [], [], [Order("O4", "C1", date: "2026-02-25")]);
        Assert.Equal(new DateOnly(2026, 2, 25), Last("C1"));
        Assert.Equal(4, Scalar(t, "SELECT value FROM store_state WHERE name = 'activity.orders_rowid'"));
        // Re-importing O4 with an earlier date updates the row in place: only a rebuild can lower the latest date.
        Load(t.Store, [], [], [Order("O4", "C1", date: "2026-01-01")]);
        Assert.Equal(new DateOnly(2026, 2, 10), Last("C1"));
        Assert.Equal(new DateOnly(2025, 12, 1), Last("C2"));
    }

    [Fact]
    public void AddInteraction_CountsAtOnce_DuplicateKeyRefused()
    {
        var t = Loaded();
        using var s = t.Store.BeginMaintenance();
        s.RefreshActivity();
        s.AddInteraction(Interaction("L1", "C2", "2026-03-01", "R2"));
        Assert.Equal(new DateOnly(2026, 3, 1), s.GetBookCustomer("C2")!.LastInteraction);
        Assert.Throws<StoreException>(() => s.AddInteraction(Interaction("L1", "C2", "2026-03-01", "R2")));
        s.RefreshActivity(); // reads the new row again: no change
        Assert.Equal(new DateOnly(2026, 3, 1), s.GetBookCustomer("C2")!.LastInteraction);
    }

    [Fact]
    public void ReplaceTasks_UnchangedCustomersKeepTheirRows()
    {
        var t = Loaded();
        FollowUpTask Task(string customer, string due, string reason = "cadence") =>
            new(customer, "n", "R1", FollowUpKind.Cadence, DateOnly.Parse(due), reason);
        using (var s = t.Store.BeginMaintenance())
        {
            s.ReplaceTasks([Task("C1", "2026-03-05"), Task("C1", "2026-04-05"), Task("C2", "2026-03-07"), Task("P1", "2026-03-09")], Day);
            s.Commit();
        }
        using (var s = t.Store.BeginMaintenance())
        {
            // Out of key order on purpose; C1 unchanged, C2 moved, P1 gone, C3 new.
            s.ReplaceTasks([Task("C3", "2026-03-10"), Task("C2", "2026-03-08"), Task("C1", "2026-03-05"), Task("C1", "2026-04-05")], Day.AddDays(1));
            Assert.Equal(["C1", "C1", "C2", "C3"], s.ReadTasks().Select(x => x.CustomerKey).Order(StringComparer.Ordinal));
            s.Commit();
        }
        Assert.Equal(2, Scalar(t, "SELECT COUNT(*) FROM followup_tasks WHERE planned_on = '2026-03-02'"));
        Assert.Equal(2, Scalar(t, "SELECT COUNT(*) FROM followup_tasks WHERE planned_on = '2026-03-03'"));
        using var read = t.Store.BeginMaintenance(write: false);
        Assert.Equal([new DateOnly(2026, 3, 5), new DateOnly(2026, 4, 5)], read.ReadTasks("R1").Where(x => x.CustomerKey == "C1").Select(x => x.Due));
    }

    [Fact]
    public void JobRuns_CountedPerDay_DigestMarked()
    {
        var t = Loaded();
        using (var s = t.Store.BeginMaintenance())
        {
            Assert.Null(s.GetJobRun("daily", Day));
            s.RecordJobRun("daily", Day, "cron", "first");
            s.RecordJobRun("daily", Day, "cron", "second");
            s.MarkDigestSent("daily", Day);
            s.Commit();
        }
        var run = Assert.Single(t.Store.GetJobRuns());
        Assert.Equal(("daily", Day, 2, "second"), (run.Job, run.Day, run.Runs, run.Summary));
        Assert.NotNull(run.DigestSentAt);
    }

    [Fact]
    public async Task WriteSession_WaitsForAnotherWriter_ThenSeesItsWrite_ReadersNeverWait()
    {
        var t = Loaded();
        var cancel = TestContext.Current.CancellationToken;
        using var other = t.OpenAnother(TimeProvider.System);
        using var first = t.Store.BeginMaintenance();
        first.Apply(new PoolEvent("P1", PoolEventKind.Claimed, "all", "R1", Day, "R1", "claimed"));
        // A reader takes no lock: it reads at once, without the claim not yet committed.
        using (var reader = other.BeginMaintenance(write: false))
            Assert.Equal(CustomerStatus.Pool, reader.GetBookCustomer("P1")!.Status);
        var second = Task.Run(() =>
        {
            using var s = other.BeginMaintenance();
            return s.GetBookCustomer("P1")!;
        }, cancel);
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(500, cancel))); // waits while the first holds the lock
        first.Commit();
        Assert.Same(second, await Task.WhenAny(second, Task.Delay(8000, cancel)));
        var seen = await second;
        Assert.Equal(("R1", CustomerStatus.Active), (seen.OwnerRepKey, seen.Status));
    }

    [Fact]
    public async Task WriteSession_GivesUpAfterTheBusyTimeout_WithAClearMessage()
    {
        var t = Loaded();
        var cancel = TestContext.Current.CancellationToken;
        using var other = t.OpenAnother(TimeProvider.System);
        using var first = t.Store.BeginMaintenance();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StoreException>(() => Task.Run(() => other.BeginMaintenance().Dispose(), cancel));
        Assert.Contains("busy", e.Message, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed.TotalSeconds, 9, 60); // waited the 10 s first, as SQLite's busy timeout
    }

    [Fact]
    public void ReadOnlySession_RefusesWrites()
    {
        var t = Loaded();
        using var s = t.Store.BeginMaintenance(write: false);
        Assert.Equal(3, s.ReadBook().Count());
        Assert.Throws<InvalidOperationException>(() => s.RecordJobRun("daily", Day, "x", "y"));
    }

    [Fact]
    public void ReadOpenInvoices_PaymentsUpToTheDay()
    {
        var t = Loaded();
        using (var s = t.Store.BeginImport("test"))
        {
            s.BeginFile(Core.Importing.EntityKind.Invoices, "i.csv", Columns(), false);
            s.Write(Invoice("INV1", "C1"), 2);
            s.Write(Invoice("INV2", "C2") with { Amount = 30m }, 3);
            s.EndFile(2, 2, 0, 0);
            s.BeginFile(Core.Importing.EntityKind.Payments, "p.csv", Columns(), false);
            s.Write(new Core.Receivables.Payment { Key = "PAY1", InvoiceKey = "INV1", Date = new DateOnly(2024, 2, 1), Amount = 20m }, 2);
            s.Write(new Core.Receivables.Payment { Key = "PAY2", InvoiceKey = "INV2", Date = new DateOnly(2024, 2, 1), Amount = 30m }, 3);
            s.EndFile(2, 2, 0, 0);
            s.Commit();
        }
        using var m = t.Store.BeginMaintenance(write: false);
        var open = Assert.Single(m.ReadOpenInvoices(new DateOnly(2024, 3, 1)));
        Assert.Equal(("C1", 50m, 20m, 30m), (open.CustomerKey, open.Amount, open.Paid, open.Open));
        Assert.Equal(2, m.ReadOpenInvoices(new DateOnly(2024, 1, 15)).Count());
    }
}
