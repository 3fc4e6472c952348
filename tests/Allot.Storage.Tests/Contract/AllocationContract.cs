using Allot.Core.Importing;
using Allot.Core.Reps;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>Allocation runs: proposals stored whole, applied all-or-nothing with owner history.</summary>
public abstract class AllocationContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private static readonly AllocationRunHeader Header = new("default", "{ \"name\": \"default\" }", "optimal", 3, -12345, "{\"reps\":[]}");

    private static void Book(IStore store)
    {
        using var s = store.BeginImport("test");
        s.BeginFile(EntityKind.Reps, "reps.csv", Columns("name"), false);
        s.Write(new Rep { Key = "R1" }, 2);
        s.Write(new Rep { Key = "R2" }, 3);
        s.EndFile(2, 2, 0, 0);
        s.BeginFile(EntityKind.Customers, "customers.csv", Columns("name", "owner_rep"), false);
        s.Write(Customer("C1", owner: "R1"), 2);
        s.Write(Customer("C2", owner: "R1"), 3);
        s.Write(Customer("C3"), 4);
        s.EndFile(3, 3, 0, 0);
        s.Commit();
    }

    private static StoredAllocation[] Proposal() =>
    [
        new("C1", "R1", "R2", 71.5, "R2 knows the industry", "{\"fit\":71.5}"),
        new("C2", "R1", "R1", 80, "stays with R1", "{}"),
        new("C3", null, "R1", 40, "unowned; R1 serves its region", "{}"),
    ];

    [Fact]
    public void SaveAllocationRun_RoundTrips_AndChangesNoOwner()
    {
        Book(Store);
        long id = Store.SaveAllocationRun("alice", Header, Proposal());
        T.Reopen();

        var run = Assert.Single(Store.GetAllocationRuns());
        Assert.Equal((id, "alice", "default", "optimal", 3L, -12345L, 3, 2), (run.Id, run.By, run.PolicyName, run.Strategy, run.ClassificationRunId, run.Objective, run.Customers, run.Changes));
        Assert.Null(run.AppliedAt);
        Assert.Equal("{ \"name\": \"default\" }", Store.GetAllocationPolicyText(id));
        Assert.Equal(["C1", "C2", "C3"], Store.ReadAllocations(id).Select(a => a.CustomerKey));
        Assert.Equal(Proposal()[0], Store.GetAllocation(id, "C1"));
        Assert.Null(Store.GetAllocation(id, "C9"));
        Assert.Equal("R1", Store.GetCustomer("C1")!.OwnerRepKey);
    }

    [Fact]
    public void ApplyAllocation_ChangesOwners_WritesHistory_AndMarksTheRun()
    {
        Book(Store);
        long id = Store.SaveAllocationRun("alice", Header, Proposal());
        var outcome = Store.ApplyAllocation(id, "bob", _ => true);

        Assert.Equal(new ApplyOutcome(2, 1), outcome);
        Assert.Equal(("R2", "R1", "R1"), (Store.GetCustomer("C1")!.OwnerRepKey, Store.GetCustomer("C2")!.OwnerRepKey, Store.GetCustomer("C3")!.OwnerRepKey));
        var change = Store.GetOwnerHistory("C1")[^1];
        Assert.Equal(("R1", "R2", "bob", (long?)id), (change.FromRepKey, change.ToRepKey, change.By, change.RunId));
        Assert.Contains("R2 knows the industry", change.Reason);
        var run = Store.GetAllocationRun(id)!;
        Assert.Equal(("bob", 2), (run.AppliedBy, run.AppliedChanges));
        Assert.True(Store.ReadAllocations(id).All(a => a.Applied));
        // Applying again finds nothing left to do.
        Assert.Equal(new ApplyOutcome(0, 0), Store.ApplyAllocation(id, "bob", _ => true));
    }

    [Fact]
    public void ApplyAllocation_Selection_AppliesOnlyThoseCustomers()
    {
        Book(Store);
        long id = Store.SaveAllocationRun("alice", Header, Proposal());
        Assert.Equal(new ApplyOutcome(1, 0), Store.ApplyAllocation(id, "bob", a => a.CustomerKey == "C3"));
        Assert.Equal(("R1", "R1"), (Store.GetCustomer("C1")!.OwnerRepKey, Store.GetCustomer("C3")!.OwnerRepKey));
        Assert.Equal(new ApplyOutcome(1, 1), Store.ApplyAllocation(id, "bob", _ => true));
        Assert.Equal("R2", Store.GetCustomer("C1")!.OwnerRepKey);
    }

    [Fact]
    public void ApplyAllocation_OwnerChangedSinceTheRun_RefusesAndAppliesNothing()
    {
        Book(Store);
        long id = Store.SaveAllocationRun("alice", Header, Proposal());
        long other = Store.SaveAllocationRun("carol", Header, [new("C2", "R1", "R2", 50, "moved by carol", "{}")]);
        Store.ApplyAllocation(other, "carol", _ => true);
        int historyBefore = Store.GetOwnerHistory("C1").Count;

        var e = Assert.Throws<StoreException>(() => Store.ApplyAllocation(id, "bob", _ => true));
        Assert.Contains("C2: owner is now R2", e.Message);
        Assert.Contains("nothing was applied", e.Message);
        Assert.Equal(("R1", (string?)null), (Store.GetCustomer("C1")!.OwnerRepKey, Store.GetCustomer("C3")!.OwnerRepKey));
        Assert.Equal(historyBefore, Store.GetOwnerHistory("C1").Count);
        Assert.Null(Store.GetAllocationRun(id)!.AppliedAt);
        Assert.Throws<StoreException>(() => Store.ApplyAllocation(999, "bob", _ => true));
    }
    [Fact]
    public void ApplyAllocation_ToldProgress_EndsWithAllChanges()
    {
        Book(Store);
        long id = Store.SaveAllocationRun("alice", Header, Proposal());
        var told = new List<(int, int)>();
        Store.ApplyAllocation(id, "bob", _ => true, (done, all) => told.Add((done, all)));
        Assert.Equal((2, 2), told[^1]);
    }

    [Fact]
    public async Task ApplyAllocation_TwoAppliersAtOnce_OneAppliesTheOtherChangesNothing()
    {
        Book(Store);
        long id = Store.SaveAllocationRun("alice", Header, Proposal());
        using var first = T.OpenAnother(new FixedClock(Now));
        using var second = T.OpenAnother(new FixedClock(Now));
        using var start = new Barrier(2);
        object? Apply(IStore store, string by)
        {
            start.SignalAndWait();
            try { return store.ApplyAllocation(id, by, _ => true); }
            catch (StoreException e) { return e; }
        }
        var a = Task.Run(() => Apply(first, "bob"));
        var b = Task.Run(() => Apply(second, "carol"));
        object?[] outcomes = await Task.WhenAll(a, b);

        Assert.Single(outcomes, o => o is ApplyOutcome { Changed: 2 });
        Assert.Equal(("R2", "R1"), (Store.GetCustomer("C1")!.OwnerRepKey, Store.GetCustomer("C3")!.OwnerRepKey));
        Assert.Single(Store.GetOwnerHistory("C1"), h => h.RunId == id);
        Assert.Equal(2, Store.GetAllocationRun(id)!.AppliedChanges);
    }
}
