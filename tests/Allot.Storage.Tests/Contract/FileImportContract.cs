using Allot.Core.Importing;
using Allot.Import.Generation;
using Allot.Import.Importing;
using Allot.Import.Presets;
using Allot.Storage.Sqlite;
using Allot.Tests.Shared;

namespace Allot.Storage.Tests.Contract;

/// <summary>Whole files through the importer: row accounting, rejects and the resulting store must be those of
/// SQLite, the reference, given the same files (each test imports into both and compares everything).</summary>
public abstract class FileImportContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "allot-files-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Import_GeneratedBookThenChanges_SameStoreAndAccountingAsSqlite()
    {
        string data = Path.Combine(_folder, "data");
        DataGenerator.Generate(new GenerationOptions { Customers = 700, Reps = 25, Orders = 30_000, Seed = 11 }, data, ct: TestContext.Current.CancellationToken);
        string changes = Path.Combine(_folder, "changes");
        Directory.CreateDirectory(changes);
        // A second customers file: some owners change (one to an unknown rep), two rows repeat a key, one row is new.
        var lines = File.ReadAllLines(Path.Combine(data, "customers.csv"));
        var header = lines[0].Split(',');
        int owner = Array.IndexOf(header, "owner_rep_id");
        Assert.True(owner > 0, "the generated customers file names owners");
        var changed = new List<string> { lines[0] };
        for (int i = 1; i < 200; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length) continue;
            if (i % 3 == 0) cells[owner] = lines[i + 1].Split(',')[owner];
            if (i == 10) cells[owner] = "NO-SUCH-REP";
            changed.Add(string.Join(',', cells));
        }
        changed.Add(changed[5]);
        changed.Add(changed[6]);
        File.WriteAllLines(Path.Combine(changes, "customers.csv"), changed);

        long firstOrders = 0;
        void Script(Importer importer)
        {
            foreach (var kind in new[] { EntityKind.Reps, EntityKind.Customers, EntityKind.Orders, EntityKind.Invoices, EntityKind.Payments,
                EntityKind.Interactions, EntityKind.Feedback })
            {
                var report = importer.Import(kind, Path.Combine(data, kind.ToString().ToLowerInvariant() + ".csv"), new ImportOptions());
                Assert.Equal(report.Read, report.Imported + report.Updated + report.Rejected);
                if (kind == EntityKind.Orders) firstOrders = report.Imported;
            }
        }
        void Again(Importer importer)
        {
            var orders = importer.Import(EntityKind.Orders, Path.Combine(data, "orders.csv"), new ImportOptions());
            Assert.Equal((30_000L, 0L, firstOrders), (orders.Read, orders.Imported, orders.Updated));
            var customers = importer.Import(EntityKind.Customers, Path.Combine(changes, "customers.csv"), new ImportOptions());
            Assert.True(customers.Rejected >= 3, "one unknown owner and two repeated keys");
        }
        var rejects = Compare([Script, Again]);
        Assert.Contains("duplicate key", rejects);
        Assert.Contains("unknown rep NO-SUCH-REP", rejects);
        Assert.Equal(firstOrders, Store.GetStats().Orders);
        Assert.Equal(30_000, firstOrders);
    }

    [Fact]
    public void Import_PresetsOnRealData_SameStoreAndAccountingAsSqlite()
    {
        Compare([importer =>
        {
            var superstore = Presets.Find("superstore")!.Import(importer, SharedData.File("superstore", "Sample - Superstore.csv"), new ImportOptions());
            Assert.Equal((9994L, 9994L, 0L), (superstore.Read, superstore.Imported, superstore.Rejected));
            Presets.Find("cdnow")!.Import(importer, SharedData.File("cdnow", "CDNOW_sample.txt"), new ImportOptions());
            Presets.Find("online-retail")!.Import(importer, SharedData.File("online-retail", "online_retail_sample_20k_raw.csv"), new ImportOptions());
        }, importer =>
        {
            // Again: every order is now an update.
            var superstore = Presets.Find("superstore")!.Import(importer, SharedData.File("superstore", "Sample - Superstore.csv"), new ImportOptions());
            Assert.Equal((9994L, 0L, 9994L), (superstore.Read, superstore.Imported, superstore.Updated));
        }]);
        Assert.True(Store.GetStats().Customers >= 793 + 2357, "Superstore's and the CDNOW sample's customers");
    }

    [Fact]
    public void Import_OrdersWithEdgeRows_SameStoreAndAccountingAsSqlite()
    {
        // Orders files read directly from bytes where the store takes order rows, through the mapper otherwise:
        // every planted form, reject and repeat must come out as SQLite's mapper path has them.
        Directory.CreateDirectory(_folder);
        string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }
        var utf8 = new System.Text.UTF8Encoding(false);
        string customers = Write("customers.csv", utf8.GetBytes("customer_id,name\n" + string.Join("\n", EdgeOrders.Customers.Select(c => $"{c},Name {c}")) + "\n"));
        string plain = Write("orders.csv", [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(EdgeOrders.File(40_000, seed: 1, crlf: true))]);
        const string Quoted = "Q1,C0001,2024-03-31,\"1,234.50\",,,\"Office, Supplies\",\"web \"\"direct\"\"\",\n"
            + "Q2,C0001,2024-03-31,5,,,\"two\nlines\",,\nQ3,C0001,2024-03-31,\"x\"y,,,,,\n";
        string quoted = Write("quoted.csv", utf8.GetBytes(EdgeOrders.File(40_000, seed: 2, crlf: false, Quoted, extraAt: 20_000)));
        var reordered = EdgeOrders.File(3_000, seed: 3, crlf: false).Split('\n').Skip(1)
            .Select(line => line.Split(',') is { Length: 9 } f ? $"{f[3]},{f[0]},{f[1]},{f[2]}" : line);
        string aliased = Write("aliased.csv", utf8.GetBytes("金额,订单编号,客户编号,订单日期\n" + string.Join("\n", reordered)));
        string loneCr = Write("cr.csv", utf8.GetBytes(EdgeOrders.File(3_000, seed: 4, crlf: false, "CR1,C0001,2024-03-31,5,,,,,\rCR2,C0001,2024-03-31,6,,,,,\n", 1_500)));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string gb = Write("gb18030.csv", System.Text.Encoding.GetEncoding("GB18030").GetBytes(EdgeOrders.File(3_000, seed: 5, crlf: true)));
        var changed = EdgeOrders.File(40_000, seed: 6, crlf: false).Replace(",C0007,", ",NEW-CUSTOMER,", StringComparison.Ordinal);
        string created = Write("changed.csv", utf8.GetBytes(changed));

        var rejects = Compare([importer =>
        {
            importer.Import(EntityKind.Customers, customers, new ImportOptions());
            foreach (string file in new[] { plain, quoted, aliased, loneCr, gb })
                Assert.True(importer.Import(EntityKind.Orders, file, new ImportOptions()).Balanced, file);
        }, importer =>
        {
            var again = importer.Import(EntityKind.Orders, plain, new ImportOptions());
            Assert.True(again.Updated > 39_000, "a file imported again updates its orders");
            var more = importer.Import(EntityKind.Orders, created, new ImportOptions { CreateMissing = true });
            Assert.Equal(2, more.CreatedCustomers); // NEW-CUSTOMER and the planted NOSUCH
        }]);
        Assert.Contains("duplicate key O000005: first at line", rejects);
        Assert.Contains("date is in the future", rejects);
        Assert.Contains("unknown customer NOSUCH", rejects);
        Assert.Contains("expected 9 fields (as in the header), found 4", rejects);
    }

    [Fact]
    public void Import_OrdersFileBrokenMidway_SameErrorAsSqlite()
    {
        Directory.CreateDirectory(_folder);
        var utf8 = new System.Text.UTF8Encoding(false);
        string unclosed = Path.Combine(_folder, "unclosed.csv");
        File.WriteAllText(unclosed, EdgeOrders.File(3_000, seed: 7, crlf: false, "Q1,C0001,2024-03-31,\"5,,,,,\n", 2_000), utf8);
        // Past the part the encoding is detected from: the reader refuses the bytes, naming their line.
        var bytes = utf8.GetBytes(EdgeOrders.File(3_000, seed: 8, crlf: true)).ToList();
        bytes.InsertRange(bytes.Count - 2_000, new byte[] { 0xFF, 0xFE });
        string undecodable = Path.Combine(_folder, "undecodable.csv");
        File.WriteAllBytes(undecodable, [.. bytes]);
        string referencePath = Path.Combine(_folder, "reference.db");
        using var reference = SqliteStore.Open(referencePath, create: true, new FixedClock(Builders.Now));
        foreach (string file in new[] { unclosed, undecodable })
        {
            string Error(IStore store)
            {
                using var rejects = new RejectWriter(Path.Combine(_folder, "rejects.csv"));
                using var session = store.BeginImport("tester");
                var importer = new Importer(session, rejects, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
                return Assert.Throws<Allot.Import.Reading.ImportFileException>(() => importer.Import(EntityKind.Orders, file, new ImportOptions())).Message;
            }
            string expected = Error(reference);
            Assert.Matches("line [0-9]+", expected);
            Assert.Equal(expected, Error(Store));
        }
        Assert.Equal(0, Store.GetStats().Orders);
    }

    /// <summary>Runs each import script as one session into the provider's store and into a SQLite reference;
    /// asserts both hold the same and wrote the same rejects; returns the rejects.</summary>
    private string Compare(Action<Importer>[] scripts)
    {
        Directory.CreateDirectory(_folder);
        string referencePath = Path.Combine(_folder, "reference.db");
        using var reference = SqliteStore.Open(referencePath, create: true, new FixedClock(Builders.Now));
        string Run(IStore store, string name)
        {
            var all = new System.Text.StringBuilder();
            for (int i = 0; i < scripts.Length; i++)
            {
                string rejectsPath = Path.Combine(_folder, $"{name}-{i}.rejects.csv");
                using (var rejects = new RejectWriter(rejectsPath))
                using (var session = store.BeginImport("tester"))
                {
                    // The importer's today comes after every generated date, so rows are refused only for what the test plants.
                    scripts[i](new Importer(session, rejects, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero))));
                    session.Commit();
                }
                if (File.Exists(rejectsPath)) all.Append(File.ReadAllText(rejectsPath));
            }
            return all.ToString();
        }
        string expectedRejects = Run(reference, "reference");
        string actualRejects = Run(Store, "store");
        Assert.Equal(expectedRejects, actualRejects);
        Assert.Equal(StoreDump.Of(reference), StoreDump.Of(Store));
        return actualRejects;
    }

    protected override void Cleanup()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
