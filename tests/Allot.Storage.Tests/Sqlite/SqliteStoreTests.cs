using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Storage.Migrations;
using Allot.Storage.Sqlite;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Sqlite;

public sealed class SqliteStoreTests
{
    [Fact]
    public void Open_NewFile_MigratesToLatestVersion()
    {
        using var t = new TempStore();
        Assert.Equal(Migrator.LatestVersion, t.Store.SchemaVersion);
        Assert.True(Migrator.LatestVersion >= 1);
        t.Reopen();
        Assert.Equal(Migrator.LatestVersion, t.Store.SchemaVersion);
    }

    [Fact]
    public void Open_MissingFileWithoutCreate_SaysHowToCreate()
    {
        var e = Assert.Throws<StoreException>(() => SqliteStore.Open(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db"), create: false));
        Assert.Contains("allot init", e.Message);
    }

    [Fact]
    public void Open_NotADatabase_ClearError()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db");
        File.WriteAllText(path, "this is not a database, just text that is long enough to have a header page......");
        try
        {
            var e = Assert.Throws<StoreException>(() => SqliteStore.Open(path));
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Write_NewThenSameKeyInLaterImport_InsertsThenUpdates()
    {
        using var t = new TempStore();
        Import(t.Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Customer("C1"), 2));
        }, EntityKind.Customers, "name", "region", "city");
        Import(t.Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "C1", 10m), 2));
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O2", "C1", 20m), 3));
        }, EntityKind.Orders);
        Import(t.Store, s =>
        {
            Assert.Equal(WriteOutcome.Updated, s.Write(Order("O1", "C1", 15m), 2));
        }, EntityKind.Orders);
        var stats = t.Store.GetStats();
        Assert.Equal(1, stats.Customers);
        Assert.Equal(2, stats.Orders);
        Assert.Equal(35m, stats.AmountTotal);
    }

    [Fact]
    public void Write_SameKeyTwiceInOneFile_SecondIsDuplicateAndFirstStands()
    {
        using var t = new TempStore();
        ImportCreating(t.Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "C1", 10m), 2));
            Assert.Equal(WriteOutcome.DuplicateInFile, s.Write(Order("O1", "C1", 99m), 7));
            Assert.Equal(2, s.FirstLineOf("O1"));
        }, EntityKind.Orders);
        Assert.Equal(10m, t.Store.GetStats().AmountTotal);
    }

    [Fact]
    public void Write_OrderForUnknownCustomer_RefusedUnlessCreateMissing()
    {
        using var t = new TempStore();
        Import(t.Store, s => Assert.Equal(WriteOutcome.UnknownCustomer, s.Write(Order("O1", "NOPE"), 2)), EntityKind.Orders);
        ImportCreating(t.Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "NEW"), 2)), EntityKind.Orders);
        Assert.NotNull(t.Store.GetCustomer("NEW"));
        Assert.Equal(1, t.Store.GetStats().Orders);
    }

    [Fact]
    public void Write_PaymentForUnknownInvoice_Refused()
    {
        using var t = new TempStore();
        Import(t.Store, s =>
            Assert.Equal(WriteOutcome.UnknownInvoice, s.Write(new Payment { Key = "P1", InvoiceKey = "I9", Date = new DateOnly(2024, 2, 1), Amount = 1m }, 2)),
            EntityKind.Payments);
        Assert.Equal(0, t.Store.GetStats().Payments);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesStoreAsBefore()
    {
        using var t = new TempStore();
        Import(t.Store, s => s.Write(Customer("C1"), 2), EntityKind.Customers, "name");
        using (var session = t.Store.BeginImport("test"))
        {
            session.BeginFile(EntityKind.Customers, "x.csv", Columns("name"), false);
            session.Write(Customer("C2"), 2);
            session.Write(Customer("C1", name: "renamed"), 3);
        }
        t.Reopen();
        Assert.Equal(1, t.Store.GetStats().Customers);
        Assert.Equal("Customer C1", t.Store.GetCustomer("C1")!.Name);
        Assert.Single(t.Store.GetImports());
    }

    [Fact]
    public void Write_CustomerWithoutSomeColumns_KeepsStoredValues()
    {
        using var t = new TempStore();
        Import(t.Store, s => s.Write(Customer("C1") with { Industry = "Retail", Phone = "13800000000" }, 2), EntityKind.Customers, "name", "industry", "phone", "region", "city");
        Import(t.Store, s => s.Write(new Allot.Core.Customers.Customer { Key = "C1", Name = "New name" }, 2), EntityKind.Customers, "name");
        var c = t.Store.GetCustomer("C1")!;
        Assert.Equal("New name", c.Name);
        Assert.Equal("Retail", c.Industry);
        Assert.Equal("13800000000", c.Phone);
    }

    [Fact]
    public void Write_CustomerOwnerChange_RecordedInHistoryWithWhoAndWhy()
    {
        using var t = new TempStore();
        Import(t.Store, s =>
        {
            s.Write(new Allot.Core.Reps.Rep { Key = "R1" }, 2);
            s.Write(new Allot.Core.Reps.Rep { Key = "R2" }, 3);
        }, EntityKind.Reps, "name");
        Import(t.Store, s => s.Write(Customer("C1", owner: "R1"), 2), EntityKind.Customers, "name", "owner_rep");
        Import(t.Store, s => s.Write(Customer("C1", owner: "R1"), 2), EntityKind.Customers, "name", "owner_rep");
        Import(t.Store, s => s.Write(Customer("C1", owner: "R2"), 5), EntityKind.Customers, "name", "owner_rep");
        var history = t.Store.GetOwnerHistory("C1");
        Assert.Equal(2, history.Count);
        Assert.Equal((null, "R1"), (history[0].FromRepKey, history[0].ToRepKey));
        Assert.Equal(("R1", "R2"), (history[1].FromRepKey, history[1].ToRepKey));
        Assert.Equal("test", history[1].By);
        Assert.Contains("line 5", history[1].Reason);
        Assert.Equal(new DateOnly(2025, 6, 1), t.Store.GetCustomer("C1")!.OwnerSince);
    }

    [Fact]
    public void Write_CustomerWithUnknownOwner_Refused()
    {
        using var t = new TempStore();
        Import(t.Store, s => Assert.Equal(WriteOutcome.UnknownRep, s.Write(Customer("C1", owner: "R404"), 2)), EntityKind.Customers, "name", "owner_rep");
        Assert.Equal(0, t.Store.GetStats().Customers);
    }

    [Fact]
    public void Write_EmptyStrings_StoredAsTextNotNull()
    {
        using var t = new TempStore();
        Import(t.Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(new Allot.Core.Reps.Rep { Key = "R1", Name = "" }, 2)), EntityKind.Reps, "name");
        Import(t.Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(new Allot.Core.Customers.Customer { Key = "C1", Name = "" }, 2)), EntityKind.Customers, "name", "tags");
        Assert.Equal("", t.Store.GetReps().Single().Name);
        Assert.Empty(t.Store.GetCustomer("C1")!.Tags);
    }

    [Fact]
    public void Write_RefusedRecordWithCreateMissing_CreatesNoCustomer()
    {
        using var t = new TempStore();
        ImportCreating(t.Store, s =>
        {
            var interaction = new Allot.Core.Engagement.Interaction { Key = "I1", CustomerKey = "NEW1", RepKey = "R404", Date = new DateOnly(2024, 1, 2), Kind = Allot.Core.Engagement.InteractionKind.Call };
            Assert.Equal(WriteOutcome.UnknownRep, s.Write(interaction, 2));
        }, EntityKind.Interactions);
        ImportCreating(t.Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "NEW2"), 2));
            Assert.Equal(WriteOutcome.DuplicateInFile, s.Write(Order("O1", "NEW3"), 3));
        }, EntityKind.Orders);
        Assert.Null(t.Store.GetCustomer("NEW1"));
        Assert.NotNull(t.Store.GetCustomer("NEW2"));
        Assert.Null(t.Store.GetCustomer("NEW3"));
    }

    [Fact]
    public void Write_Money_KeepsFourDecimals()
    {
        using var t = new TempStore();
        ImportCreating(t.Store, s =>
        {
            s.Write(Order("O1", "C1", 22.200000000000003m), 2);
            s.Write(Order("O2", "C1", 41.9136m), 3);
        }, EntityKind.Orders);
        var orders = t.Store.GetOrders("C1");
        Assert.Equal(22.2m, orders.Single(o => o.Key == "O1").Amount);
        Assert.Equal(41.9136m, orders.Single(o => o.Key == "O2").Amount);
    }

    [Fact]
    public void EndFile_RecordsRowAccountingOfTheImport()
    {
        using var t = new TempStore();
        using (var s = t.Store.BeginImport("alice"))
        {
            s.BeginFile(EntityKind.Invoices, "inv.csv", Columns(), true);
            s.Write(Invoice("I1", "C1"), 2);
            s.EndFile(read: 3, imported: 1, updated: 0, rejected: 2);
            s.Commit();
        }
        var record = Assert.Single(t.Store.GetImports());
        Assert.Equal((EntityKind.Invoices, "inv.csv", "alice", 3L, 1L, 0L, 2L),
            (record.Kind, record.File, record.By, record.Read, record.Imported, record.Updated, record.Rejected));
    }

    private static void Import(IStore store, Action<IImportSession> write, EntityKind kind, params string[] columns) =>
        Run(store, write, kind, false, columns);

    private static void ImportCreating(IStore store, Action<IImportSession> write, EntityKind kind) =>
        Run(store, write, kind, true, []);

    private static void Run(IStore store, Action<IImportSession> write, EntityKind kind, bool createMissing, string[] columns)
    {
        using var s = store.BeginImport("test");
        s.BeginFile(kind, "file.csv", Columns(columns), createMissing);
        write(s);
        s.EndFile(0, 0, 0, 0);
        s.Commit();
    }
}
