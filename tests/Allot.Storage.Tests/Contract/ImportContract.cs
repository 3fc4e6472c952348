using Allot.Core.Customers;
using Allot.Core.Importing;
using Allot.Core.Reps;
using Allot.Storage.Migrations;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>Import semantics every store must share: upsert by key, the first of a repeated key standing,
/// inserted and updated told apart, unknown references refused, owner history, one transaction per import.</summary>
public abstract class ImportContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    [Fact]
    public void Open_NewStore_MigratesToLatestVersion()
    {
        Assert.Equal(Migrator.LatestVersion, Store.SchemaVersion);
        Assert.True(Migrator.LatestVersion >= 1);
        T.Reopen();
        Assert.Equal(Migrator.LatestVersion, Store.SchemaVersion);
    }

    [Fact]
    public void Write_NewThenSameKeyInLaterImport_InsertsThenUpdates()
    {
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(Customer("C1"), 2)), EntityKind.Customers, "name", "region", "city");
        ImportFile(Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "C1", 10m), 2));
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O2", "C1", 20m), 3));
        }, EntityKind.Orders);
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Updated, s.Write(Order("O1", "C1", 15m), 2)), EntityKind.Orders);
        var stats = Store.GetStats();
        Assert.Equal((1L, 2L, 35m), (stats.Customers, stats.Orders, stats.AmountTotal));
    }

    [Fact]
    public void Write_SameKeyTwiceInOneFile_SecondIsDuplicateAndFirstStands()
    {
        ImportFileCreating(Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "C1", 10m), 2));
            Assert.Equal(WriteOutcome.DuplicateInFile, s.Write(Order("O1", "C1", 99m), 7));
            Assert.Equal(2, s.FirstLineOf("O1"));
        }, EntityKind.Orders);
        Assert.Equal(10m, Store.GetStats().AmountTotal);
    }

    [Fact]
    public void WriteOrders_RepeatsUnknownsAndUpdates_SameOutcomesAsRecords()
    {
        ImportFile(Store, s => s.Write(Customer("C1"), 2), EntityKind.Customers, "name");
        ImportFile(Store, s => s.Write(Order("O1", "C1", 10m), 2), EntityKind.Orders);
        var rows = new OrderRows();
        rows.Add(Order("O2", "C1", 20.5m) with { Profit = -1.25m, Category = "办公", Quantity = 2.5m }, 2);
        rows.Add(Order("O1", "C1", 15m), 3);   // written by an earlier import: updated
        rows.Add(Order("O2", "C1", 99m), 4);   // repeated in the batch
        rows.Add(Order("O3", "NOPE", 1m), 5);  // unknown customer
        rows.Add(Order("O4", "C1", 12.34567m), 6);
        var outcomes = new WriteOutcome[rows.Count];
        ImportFile(Store, s =>
        {
            s.WriteOrders(rows, outcomes);
            Assert.Equal(2, s.FirstLineOf("O2"));
        }, EntityKind.Orders);
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Updated, WriteOutcome.DuplicateInFile, WriteOutcome.UnknownCustomer, WriteOutcome.Inserted], outcomes);
        var stored = Store.ReadOrders().OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(["O1", "O2", "O4"], stored.Select(o => o.Key));
        Assert.Equal((15m, 20.5m, -1.25m, "办公", 2.5m), (stored[0].Amount, stored[1].Amount, stored[1].Profit!.Value, stored[1].Category, stored[1].Quantity!.Value));
        Assert.Equal(12.3457m, stored[2].Amount); // four decimals kept, half to even
    }

    [Fact]
    public void Write_SameKeyInTwoFilesOfOneSession_SecondUpdates()
    {
        using (var s = Store.BeginImport("test"))
        {
            s.BeginFile(EntityKind.Orders, "a.csv", Columns(), true);
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "C1", 10m), 2));
            s.EndFile(1, 1, 0, 0);
            s.BeginFile(EntityKind.Orders, "b.csv", Columns(), true);
            Assert.Equal(WriteOutcome.Updated, s.Write(Order("O1", "C1", 12m), 2));
            Assert.Null(s.FirstLineOf("O9"));
            s.EndFile(1, 0, 1, 0);
            s.Commit();
        }
        Assert.Equal(12m, Store.GetStats().AmountTotal);
        Assert.Equal(2, Store.GetImports().Count);
    }

    [Fact]
    public void Write_OrderForUnknownCustomer_RefusedUnlessCreateMissing()
    {
        ImportFile(Store, s => Assert.Equal(WriteOutcome.UnknownCustomer, s.Write(Order("O1", "NOPE"), 2)), EntityKind.Orders);
        ImportFileCreating(Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "NEW"), 2)), EntityKind.Orders);
        var created = Store.GetCustomer("NEW")!;
        Assert.Equal(("", CustomerStatus.Active, false), (created.Name, created.Status, created.KeyAccount));
        Assert.Equal(1, Store.GetStats().Orders);
    }

    [Fact]
    public void Write_PaymentForUnknownInvoice_Refused()
    {
        ImportFile(Store, s => Assert.Equal(WriteOutcome.UnknownInvoice, s.Write(Payment("P1", "I9"), 2)), EntityKind.Payments);
        Assert.Equal(0, Store.GetStats().Payments);
    }

    [Fact]
    public void Write_InvoiceThenPaymentInOneSession_PaymentFindsTheNewInvoice()
    {
        using (var s = Store.BeginImport("test"))
        {
            s.BeginFile(EntityKind.Invoices, "inv.csv", Columns(), true);
            Assert.Equal(WriteOutcome.Inserted, s.Write(Invoice("I1", "C1"), 2));
            var counts = s.EndFile(1, 1, 0, 0);
            Assert.Equal(1, counts.CreatedCustomers);
            s.BeginFile(EntityKind.Payments, "pay.csv", Columns(), false);
            Assert.Equal(WriteOutcome.Inserted, s.Write(Payment("P1", "I1"), 2));
            s.EndFile(1, 1, 0, 0);
            s.Commit();
        }
        Assert.Equal((1L, 1L, 1L), (Store.GetStats().Invoices, Store.GetStats().Payments, Store.GetStats().Customers));
    }

    [Fact]
    public void Write_InteractionWithUnknownRepAndCustomer_RepIsNamedFirst()
    {
        ImportFile(Store, s => Assert.Equal(WriteOutcome.UnknownRep, s.Write(Interaction("X1", "NOPE", "R404"), 2)), EntityKind.Interactions);
        ImportFile(Store, s => Assert.Equal(WriteOutcome.UnknownCustomer, s.Write(Interaction("X1", "NOPE"), 2)), EntityKind.Interactions);
        Assert.Equal(0, Store.GetStats().Interactions);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesStoreAsBefore()
    {
        ImportFile(Store, s => s.Write(Customer("C1"), 2), EntityKind.Customers, "name");
        using (var session = Store.BeginImport("test"))
        {
            session.BeginFile(EntityKind.Customers, "x.csv", Columns("name"), false);
            session.Write(Customer("C2"), 2);
            session.Write(Customer("C1", name: "renamed"), 3);
        }
        T.Reopen();
        Assert.Equal(1, Store.GetStats().Customers);
        Assert.Equal("Customer C1", Store.GetCustomer("C1")!.Name);
        Assert.Single(Store.GetImports());
    }

    [Fact]
    public void Write_CustomerWithoutSomeColumns_KeepsStoredValues()
    {
        ImportFile(Store, s => s.Write(Customer("C1") with { Industry = "Retail", Phone = "13800000000" }, 2), EntityKind.Customers, "name", "industry", "phone", "region", "city");
        ImportFile(Store, s => s.Write(new Customer { Key = "C1", Name = "New name" }, 2), EntityKind.Customers, "name");
        var c = Store.GetCustomer("C1")!;
        Assert.Equal(("New name", "Retail", "13800000000"), (c.Name, c.Industry, c.Phone));
    }

    [Fact]
    public void Write_RepWithoutSomeColumns_InsertsEverythingButUpdatesOnlyWhatTheFileHas()
    {
        var full = new Rep { Key = "R1", Name = "Li", Team = "North", Regions = ["East", "North"], Level = RepLevel.Senior, Capacity = 80, Active = true,
            CapacityByTier = new Dictionary<string, int> { ["A"] = 10, ["B"] = 30 }, ProductSkill = 4, StartDate = new DateOnly(2020, 3, 1) };
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(full, 2)), EntityKind.Reps, "name");
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Updated, s.Write(new Rep { Key = "R1", Name = "Li Lei", Capacity = 5 }, 2)), EntityKind.Reps, "name");
        var r = Assert.Single(Store.GetReps());
        Assert.Equal(("Li Lei", "North", RepLevel.Senior, 80, 4), (r.Name, r.Team, r.Level, r.Capacity, r.ProductSkill));
        Assert.Equal(["East", "North"], r.Regions);
        Assert.Equal(30, r.CapacityByTier["B"]);
        Assert.Equal(new DateOnly(2020, 3, 1), r.StartDate);
    }

    [Fact]
    public void Write_CustomerOwnerChange_RecordedInHistoryWithWhoAndWhy()
    {
        ImportFile(Store, s =>
        {
            s.Write(Rep("R1"), 2);
            s.Write(Rep("R2"), 3);
        }, EntityKind.Reps, "name");
        ImportFile(Store, s => s.Write(Customer("C1", owner: "R1"), 2), EntityKind.Customers, "name", "owner_rep");
        ImportFile(Store, s => s.Write(Customer("C1", owner: "R1"), 2), EntityKind.Customers, "name", "owner_rep");
        ImportFile(Store, s => s.Write(Customer("C1", owner: "R2"), 5), EntityKind.Customers, "name", "owner_rep");
        var history = Store.GetOwnerHistory("C1");
        Assert.Equal(2, history.Count);
        Assert.Equal((null, "R1"), (history[0].FromRepKey, history[0].ToRepKey));
        Assert.Equal(("R1", "R2"), (history[1].FromRepKey, history[1].ToRepKey));
        Assert.Equal(("test", Now, (long?)null), (history[1].By, history[1].At, history[1].RunId));
        Assert.Equal("import of file.csv line 5", history[1].Reason);
        Assert.Equal(new DateOnly(2025, 6, 1), Store.GetCustomer("C1")!.OwnerSince);
    }

    [Fact]
    public void Write_CustomerOwnerCleared_HistoryRecordsTheRemovalAndSinceIsCleared()
    {
        ImportFile(Store, s => s.Write(Rep("R1"), 2), EntityKind.Reps, "name");
        ImportFile(Store, s => s.Write(Customer("C1", owner: "R1") with { OwnerSince = new DateOnly(2024, 1, 1) }, 2), EntityKind.Customers, "name", "owner_rep", "owner_since");
        Assert.Equal(new DateOnly(2024, 1, 1), Store.GetCustomer("C1")!.OwnerSince);
        ImportFile(Store, s => s.Write(Customer("C1"), 3), EntityKind.Customers, "name", "owner_rep");
        Assert.Equal(("R1", (string?)null), (Store.GetOwnerHistory("C1")[^1].FromRepKey, Store.GetOwnerHistory("C1")[^1].ToRepKey));
        var c = Store.GetCustomer("C1")!;
        Assert.Equal(((string?)null, (DateOnly?)null), (c.OwnerRepKey, c.OwnerSince));
    }

    [Fact]
    public void Write_NewCustomerWithoutOwner_NoHistory()
    {
        ImportFile(Store, s => s.Write(Customer("C1"), 2), EntityKind.Customers, "name", "owner_rep");
        Assert.Empty(Store.GetOwnerHistory("C1"));
    }

    [Fact]
    public void Write_CustomerWithUnknownOwner_Refused()
    {
        ImportFile(Store, s => Assert.Equal(WriteOutcome.UnknownRep, s.Write(Customer("C1", owner: "R404"), 2)), EntityKind.Customers, "name", "owner_rep");
        Assert.Equal(0, Store.GetStats().Customers);
    }

    [Fact]
    public void Write_EmptyStrings_StoredAsTextNotNull()
    {
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(new Rep { Key = "R1", Name = "" }, 2)), EntityKind.Reps, "name");
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(new Customer { Key = "C1", Name = "" }, 2)), EntityKind.Customers, "name", "tags");
        Assert.Equal("", Store.GetReps().Single().Name);
        Assert.Empty(Store.GetCustomer("C1")!.Tags);
    }

    [Fact]
    public void Write_RefusedRecordWithCreateMissing_CreatesNoCustomer()
    {
        ImportFileCreating(Store, s => Assert.Equal(WriteOutcome.UnknownRep, s.Write(Interaction("I1", "NEW1", "R404"), 2)), EntityKind.Interactions);
        ImportFileCreating(Store, s =>
        {
            Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "NEW2"), 2));
            Assert.Equal(WriteOutcome.DuplicateInFile, s.Write(Order("O1", "NEW3"), 3));
        }, EntityKind.Orders);
        Assert.Null(Store.GetCustomer("NEW1"));
        Assert.NotNull(Store.GetCustomer("NEW2"));
        Assert.Null(Store.GetCustomer("NEW3"));
    }

    [Fact]
    public void Write_Money_KeepsFourDecimals()
    {
        ImportFileCreating(Store, s =>
        {
            s.Write(Order("O1", "C1", 22.200000000000003m), 2);
            s.Write(Order("O2", "C1", 41.9136m), 3);
        }, EntityKind.Orders);
        var orders = Store.GetOrders("C1");
        Assert.Equal(22.2m, orders.Single(o => o.Key == "O1").Amount);
        Assert.Equal(41.9136m, orders.Single(o => o.Key == "O2").Amount);
    }

    [Fact]
    public void EndFile_RecordsRowAccountingOfTheImport()
    {
        using (var s = Store.BeginImport("alice"))
        {
            s.BeginFile(EntityKind.Invoices, "inv.csv", Columns(), true);
            s.Write(Invoice("I1", "C1"), 2);
            var counts = s.EndFile(read: 3, imported: 1, updated: 0, rejected: 2);
            Assert.Equal(1, counts.CreatedCustomers);
            s.Commit();
        }
        var record = Assert.Single(Store.GetImports());
        Assert.Equal((EntityKind.Invoices, "inv.csv", "alice", Now, 3L, 1L, 0L, 2L),
            (record.Kind, record.File, record.By, record.StartedAt, record.Read, record.Imported, record.Updated, record.Rejected));
    }

    [Fact]
    public void WriteBatch_MixedOutcomes_SameAsWritingOneByOne()
    {
        ImportFile(Store, s => s.Write(Customer("C1"), 2), EntityKind.Customers, "name");
        ImportFile(Store, s => s.Write(Order("OLD", "C1", 1m), 2), EntityKind.Orders);
        WriteOutcome[] outcomes = [];
        using (var s = Store.BeginImport("test"))
        {
            s.BeginFile(EntityKind.Orders, "o.csv", Columns(), false);
            var first = new WriteOutcome[2];
            s.WriteBatch([new LineRecord(Order("A", "C1", 1m), 2), new LineRecord(Order("B", "C1", 2m), 3)], first);
            Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Inserted], first);
            LineRecord[] batch =
            [
                new(Order("C", "C1", 3m), 4),      // new
                new(Order("OLD", "C1", 4m), 5),    // written by an earlier import
                new(Order("A", "C1", 5m), 6),      // written by an earlier batch of this file
                new(Order("C", "C1", 6m), 7),      // repeated within this batch
                new(Order("D", "NOPE", 7m), 8),    // unknown customer
                new(Order("D", "C1", 8m), 9),      // not a repeat: the refused line wrote nothing
            ];
            outcomes = new WriteOutcome[batch.Length];
            s.WriteBatch(batch, outcomes);
            Assert.Equal(4, s.FirstLineOf("C"));
            Assert.Equal(2, s.FirstLineOf("A"));
            s.EndFile(8, 5, 1, 2);
            s.Commit();
        }
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Updated, WriteOutcome.DuplicateInFile, WriteOutcome.DuplicateInFile,
            WriteOutcome.UnknownCustomer, WriteOutcome.Inserted], outcomes);
        var amounts = Store.GetOrders("C1").ToDictionary(o => o.Key, o => o.Amount);
        Assert.Equal(new Dictionary<string, decimal> { ["A"] = 1m, ["B"] = 2m, ["C"] = 3m, ["D"] = 8m, ["OLD"] = 4m }, amounts);
    }

    [Fact]
    public void WriteBatch_RepeatsAcrossManyBatchesOfAFirstLoad_AllFound()
    {
        // Into an empty table, 3 × 20,000 orders, each batch repeating 50 keys of the batch before it and two of its own.
        var outcomes = new List<WriteOutcome>();
        var expected = new List<WriteOutcome>();
        using (var s = Store.BeginImport("test"))
        {
            s.BeginFile(EntityKind.Orders, "big.csv", Columns(), true);
            long line = 2;
            for (int b = 0; b < 3; b++)
            {
                var batch = new List<LineRecord>();
                for (int i = 0; i < 20_000; i++)
                {
                    batch.Add(new LineRecord(Order($"O{b:0}-{i:00000}", $"C{i % 500}", 1m), line++));
                    expected.Add(WriteOutcome.Inserted);
                }
                for (int i = 0; i < 50 && b > 0; i++)
                {
                    batch.Add(new LineRecord(Order($"O{b - 1:0}-{i * 397:00000}", "C1", 9m), line++));
                    expected.Add(WriteOutcome.DuplicateInFile);
                }
                batch.Add(new LineRecord(Order($"O{b:0}-00007", "C1", 9m), line++));
                batch.Add(new LineRecord(Order($"O{b:0}-19999", "C1", 9m), line++));
                expected.AddRange([WriteOutcome.DuplicateInFile, WriteOutcome.DuplicateInFile]);
                var result = new WriteOutcome[batch.Count];
                s.WriteBatch(batch, result);
                outcomes.AddRange(result);
            }
            Assert.Equal(2 + 397, s.FirstLineOf("O0-00397"));
            s.EndFile(line - 2, 60_000, 0, 0);
            s.Commit();
        }
        Assert.Equal(expected, outcomes);
        var stats = Store.GetStats();
        Assert.Equal((60_000L, 60_000m, 500L), (stats.Orders, stats.AmountTotal, stats.Customers));
    }

    [Fact]
    public void WriteBatch_OwnerChangesOfManyCustomers_HistoryInLineOrder()
    {
        ImportFile(Store, s => { s.Write(Rep("R1"), 2); s.Write(Rep("R2"), 3); }, EntityKind.Reps, "name");
        var customers = Enumerable.Range(0, 300).Select(i => (object)Customer($"C{i:000}", owner: i % 2 == 0 ? "R1" : null)).ToArray();
        Assert.All(ImportBatch(Store, EntityKind.Customers, false, ["name", "owner_rep"], customers), o => Assert.Equal(WriteOutcome.Inserted, o));
        var moved = Enumerable.Range(0, 300).Select(i => (object)Customer($"C{i:000}", owner: i % 3 == 0 ? "R2" : i % 2 == 0 ? "R1" : null)).ToArray();
        Assert.All(ImportBatch(Store, EntityKind.Customers, false, ["name", "owner_rep"], moved), o => Assert.Equal(WriteOutcome.Updated, o));
        // C000: R1 then R2; C003: none then R2; C001: never owned.
        Assert.Equal([(null, "R1"), ("R1", "R2")], Store.GetOwnerHistory("C000").Select(h => (h.FromRepKey, h.ToRepKey)));
        Assert.Equal([((string?)null, (string?)"R2")], Store.GetOwnerHistory("C003").Select(h => (h.FromRepKey, h.ToRepKey)));
        Assert.Equal("import of file.csv line 5", Store.GetOwnerHistory("C003")[0].Reason);
        Assert.Empty(Store.GetOwnerHistory("C001"));
        Assert.Equal(100, Store.FindCustomers(new CustomerQuery { Owner = "R2", Limit = 1000 }).Count);
    }

    [Fact]
    public void WriteBatch_LargeFirstLoadWithALateRepeat_RepeatFoundAndKeysStayUnique()
    {
        // 150,000 new orders into an empty table (PostgreSQL loads it without indexes), then a repeat
        // of an early key, then more new orders; a second file updates them all.
        var outcomes = new List<WriteOutcome>();
        using (var s = Store.BeginImport("test"))
        {
            s.BeginFile(EntityKind.Orders, "big.csv", Columns(), true);
            var rows = Enumerable.Range(0, 150_000).Select(i => Order($"O{i:000000}", $"C{i % 1000}", 1m)).ToList();
            rows.Insert(120_000, Order("O000005", "C1", 50m));
            rows.AddRange(Enumerable.Range(150_000, 1_000).Select(i => Order($"O{i:000000}", "C2", 1m)));
            for (int start = 0; start < rows.Count; start += 16_384)
            {
                var batch = rows.Skip(start).Take(16_384).Select((o, k) => new LineRecord(o, start + k + 2)).ToList();
                var result = new WriteOutcome[batch.Count];
                s.WriteBatch(batch, result);
                outcomes.AddRange(result);
            }
            Assert.Equal(7, s.FirstLineOf("O000005"));
            s.EndFile(rows.Count, rows.Count - 1, 0, 1);
            s.Commit();
        }
        Assert.Equal(WriteOutcome.DuplicateInFile, outcomes[120_000]);
        Assert.Equal(151_000, outcomes.Count(o => o == WriteOutcome.Inserted));
        Assert.Equal((151_000L, 151_000m), (Store.GetStats().Orders, Store.GetStats().AmountTotal));
        var again = ImportBatch(Store, EntityKind.Orders, false, [], Order("O000005", "C1", 7m), Order("O150999", "C2", 7m), Order("N1", "C2", 7m));
        Assert.Equal([WriteOutcome.Updated, WriteOutcome.Updated, WriteOutcome.Inserted], again);
        Assert.Equal(151_001, Store.GetStats().Orders);
        Assert.Equal(7m, Store.GetOrders("C1").Single(o => o.Key == "O000005").Amount);
    }

    [Fact]
    public void WriteBatch_LargeFirstLoadRolledBack_StoreAsBeforeAndStillUnique()
    {
        using (var s = Store.BeginImport("test"))
        {
            s.BeginFile(EntityKind.Orders, "big.csv", Columns(), true);
            for (int start = 0; start < 120_000; start += 16_384)
            {
                var batch = Enumerable.Range(start, Math.Min(16_384, 120_000 - start)).Select(i => new LineRecord(Order($"O{i:000000}", "C1", 1m), i + 2)).ToList();
                s.WriteBatch(batch, new WriteOutcome[batch.Count]);
            }
        }
        Assert.Equal(0, Store.GetStats().Orders);
        var outcomes = ImportBatch(Store, EntityKind.Orders, true, [], Order("O1", "C1"), Order("O1", "C1"));
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.DuplicateInFile], outcomes);
        Assert.Equal([WriteOutcome.Updated], ImportBatch(Store, EntityKind.Orders, true, [], Order("O1", "C1")));
    }
}
