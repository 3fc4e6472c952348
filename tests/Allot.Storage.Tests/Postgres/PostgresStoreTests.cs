using Allot.Core.Importing;
using Allot.Storage.Postgres;
using Allot.Tests.Shared;
using Npgsql;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Postgres;

/// <summary>What only the server store does: reaching the server, logging in, losing the connection, and
/// several sessions at once.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly List<string> _schemas = [];

    [Fact]
    public void Open_NothingListening_SaysCannotReachWithoutThePassword()
    {
        var e = Assert.Throws<StoreException>(() => PostgresStore.Open("postgres://allot:hunter2@127.0.0.1:1/allot", create: false));
        Assert.Contains("cannot reach PostgreSQL at 127.0.0.1:1 (connection refused)", e.Message);
        Assert.DoesNotContain("hunter2", e.ToString());
    }

    [Fact]
    public void Open_WrongPassword_SaysTheLoginWasRefused()
    {
        var uri = new UriBuilder(TestPostgres.Url) { Password = "not-the-password" };
        var e = Assert.Throws<StoreException>(() => PostgresStore.Open(uri.Uri.ToString(), create: false));
        Assert.Contains($"refused user '{Uri.UnescapeDataString(uri.UserName)}'", e.Message);
        Assert.DoesNotContain("not-the-password", e.Message);
    }

    [Fact]
    public void Open_MissingDatabase_SaysSo()
    {
        var uri = new UriBuilder(TestPostgres.Url) { Path = "/no_such_database_here" };
        var e = Assert.Throws<StoreException>(() => PostgresStore.Open(uri.Uri.ToString(), create: true));
        Assert.Contains("database 'no_such_database_here' does not exist", e.Message);
    }

    [Fact]
    public void Open_EmptySchemaWithoutCreate_SaysHowToCreate()
    {
        var e = Assert.Throws<StoreException>(() => PostgresStore.Open(Db(), create: false));
        Assert.Contains("allot init", e.Message);
    }

    [Fact]
    public void Open_ManyAtOnceOnANewStore_OneMigratesTheOthersWait()
    {
        string db = Db();
        var stores = new IStore[4];
        Parallel.For(0, stores.Length, i => stores[i] = PostgresStore.Open(db, create: true));
        Assert.All(stores, s => Assert.Equal(Allot.Storage.Migrations.Migrator.LatestVersion, s.SchemaVersion));
        foreach (var s in stores) s.Dispose();
    }

    [Fact]
    public void LostConnection_CommandFailsClearly_NextCommandWorks()
    {
        string app = "allot-test-" + Guid.NewGuid().ToString("N")[..8];
        string db = Db() + "&application_name=" + app;
        using var store = PostgresStore.Open(db, create: true, new FixedClock(Now));
        ImportFileCreating(store, s => s.Write(Order("O1", "C1"), 2), EntityKind.Orders);
        Assert.Equal(1, store.GetStats().Orders);

        Terminate(app);
        var e = Assert.Throws<StoreException>(() => store.GetStats());
        Assert.Contains("nothing of this command was kept", e.Message);
        Assert.Equal(1, store.GetStats().Orders);
    }

    [Fact]
    public void LostConnection_DuringAnImport_NothingKeptAndTheNextImportWorks()
    {
        string app = "allot-test-" + Guid.NewGuid().ToString("N")[..8];
        using var store = PostgresStore.Open(Db() + "&application_name=" + app, create: true, new FixedClock(Now));
        using (var session = store.BeginImport("test"))
        {
            session.BeginFile(EntityKind.Orders, "o.csv", Columns(), true);
            Assert.Equal(WriteOutcome.Inserted, session.Write(Order("O1", "C1"), 2));
            Terminate(app);
            var e = Assert.Throws<StoreException>(() => session.Write(Order("O2", "C1"), 3));
            Assert.Contains("nothing of this command was kept", e.Message);
        }
        Assert.Equal(0, store.GetStats().Orders);
        ImportFileCreating(store, s => Assert.Equal(WriteOutcome.Inserted, s.Write(Order("O1", "C1"), 2)), EntityKind.Orders);
        Assert.Equal(1, store.GetStats().Orders);
    }

    [Fact]
    public async Task Import_TwoSessionsAtOnce_SecondWaitsThenSeesTheFirstsRows()
    {
        string db = Db();
        using var first = PostgresStore.Open(db, create: true, new FixedClock(Now));
        using var second = PostgresStore.Open(db, create: false, new FixedClock(Now));
        ImportFile(first, s => { s.Write(Rep("R1"), 2); s.Write(Rep("R2"), 3); }, EntityKind.Reps, "name");

        var firstWrote = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var a = Task.Run(() =>
        {
            using var s = first.BeginImport("alice");
            s.BeginFile(EntityKind.Customers, "a.csv", Columns("name", "owner_rep"), false);
            for (int i = 0; i < 100; i++) Assert.Equal(WriteOutcome.Inserted, s.Write(Customer($"C{i:00}", "R1"), i + 2));
            firstWrote.SetResult();
            releaseFirst.Task.Wait(TestContext.Current.CancellationToken);
            s.EndFile(100, 100, 0, 0);
            s.Commit();
        }, TestContext.Current.CancellationToken);
        await firstWrote.Task;
        var outcomes = new List<WriteOutcome>();
        var b = Task.Run(() =>
        {
            using var s = second.BeginImport("bob");
            s.BeginFile(EntityKind.Customers, "b.csv", Columns("name", "owner_rep"), false);
            for (int i = 50; i < 150; i++) outcomes.Add(s.Write(Customer($"C{i:00}", "R2"), i + 2));
            s.EndFile(100, outcomes.Count(o => o == WriteOutcome.Inserted), outcomes.Count(o => o == WriteOutcome.Updated), 0);
            s.Commit();
        }, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(b.IsCompleted, "the second import waits for the first to finish");
        releaseFirst.SetResult();
        await Task.WhenAll(a, b);

        // The second saw every row of the first: its overlap is updated, not inserted, and the owner history chains.
        Assert.Equal(Enumerable.Repeat(WriteOutcome.Updated, 50).Concat(Enumerable.Repeat(WriteOutcome.Inserted, 50)), outcomes);
        Assert.Equal(150, first.GetStats().Customers);
        Assert.Equal([((string?)null, (string?)"R1", "alice"), ("R1", "R2", "bob")],
            first.GetOwnerHistory("C60").Select(h => (h.FromRepKey, h.ToRepKey, h.By)));
        Assert.Equal([((string?)null, (string?)"R1", "alice")], first.GetOwnerHistory("C10").Select(h => (h.FromRepKey, h.ToRepKey, h.By)));
        Assert.Equal([("bob", 50L, 50L), ("alice", 100L, 0L)], first.GetImports(2).Select(i => (i.By, i.Imported, i.Updated)));
    }

    [Fact]
    public void Import_OrdersFirstLoadDirect_SameIdsAndLinesAsThroughRecords()
    {
        // A first load takes its ids from the identity sequence in one step per COPY instead of one nextval per row:
        // every order must get the id (and import line) it gets through the record path, and the sequence go on alike.
        string folder = Path.Combine(Path.GetTempPath(), "allot-ids-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string customers = Path.Combine(folder, "customers.csv");
            File.WriteAllText(customers, "customer_id,name\n" + string.Join("\n", EdgeOrders.Customers.Select(c => $"{c},N")) + "\n");
            string orders = Path.Combine(folder, "orders.csv");
            File.WriteAllText(orders, EdgeOrders.File(40_000, seed: 9, crlf: false));
            List<string> Ids(bool direct)
            {
                string db = Db();
                using (var store = PostgresStore.Open(db, create: true, new FixedClock(Now)))
                {
                    foreach (var (kind, file) in new[] { (EntityKind.Customers, customers), (EntityKind.Orders, orders) })
                    {
                        using var rejects = new Allot.Import.Importing.RejectWriter(Path.Combine(folder, "rejects.csv"));
                        using var session = store.BeginImport("test");
                        var importer = new Allot.Import.Importing.Importer(session, rejects, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)))
                        {
                            DirectOrders = direct,
                        };
                        importer.Import(kind, file, new Allot.Import.Importing.ImportOptions());
                        session.Commit();
                    }
                    ImportFile(store, s => s.Write(Order("LAST", "C0001"), 2), EntityKind.Orders);
                }
                using var c = new NpgsqlConnection(PostgresLocation.Parse(db).ConnectionString);
                c.Open();
                using var q = new NpgsqlCommand("SELECT id, key, import_line FROM orders ORDER BY id", c);
                using var r = q.ExecuteReader();
                var rows = new List<string>();
                while (r.Read()) rows.Add($"{r.GetInt64(0)} {r.GetString(1)} {(r.IsDBNull(2) ? "" : r.GetInt64(2))}");
                return rows;
            }
            var expected = Ids(direct: false);
            Assert.True(expected.Count > 40_000, "a load past the bulk threshold");
            Assert.Equal(expected, Ids(direct: true));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Db()
    {
        string schema = TestPostgres.NewSchema();
        _schemas.Add(schema);
        return TestPostgres.UrlWithSchema(schema);
    }

    /// <summary>Ends every server connection of one application name, as a server restart would.</summary>
    private static void Terminate(string applicationName)
    {
        using var source = NpgsqlDataSource.Create(PostgresLocation.Parse(TestPostgres.Url).ConnectionString);
        using var c = source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @a", c);
        cmd.Parameters.AddWithValue("a", applicationName);
        Assert.True((long)cmd.ExecuteScalar()! >= 1, "a connection of the store was open to end");
    }

    public void Dispose()
    {
        foreach (string schema in _schemas)
        {
            try { PostgresStore.DropSchema(PostgresLocation.Parse(TestPostgres.UrlWithSchema(schema))); }
            catch (StoreException) { }
        }
    }
}
