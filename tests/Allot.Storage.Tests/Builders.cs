using Allot.Core.Classification;
using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Storage.Sqlite;

namespace Allot.Storage.Tests;

/// <summary>Test data, and imports written straight through a session.</summary>
internal static class Builders
{
    /// <summary>The instant every test store's clock says.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static Customer Customer(string key, string? owner = null, string? name = null) =>
        new() { Key = key, Name = name ?? "Customer " + key, Region = "East", City = "Shanghai", OwnerRepKey = owner };

    public static Rep Rep(string key) => new() { Key = key, Name = "Rep " + key };

    public static Order Order(string key, string customer, decimal amount = 100m, string date = "2024-05-01") =>
        new() { Key = key, CustomerKey = customer, Date = DateOnly.Parse(date), Amount = amount, Profit = amount / 4 };

    public static Invoice Invoice(string key, string customer) =>
        new() { Key = key, CustomerKey = customer, IssueDate = new DateOnly(2024, 1, 1), DueDate = new DateOnly(2024, 1, 31), Amount = 50m };

    public static Payment Payment(string key, string invoice, decimal amount = 20m) =>
        new() { Key = key, InvoiceKey = invoice, Date = new DateOnly(2024, 2, 1), Amount = amount };

    public static Interaction Interaction(string key, string customer, string? rep = null) =>
        new() { Key = key, CustomerKey = customer, RepKey = rep, Date = new DateOnly(2024, 1, 2), Kind = InteractionKind.Call, Outcome = "ok", Note = "called" };

    public static Feedback Feedback(string key, string customer) =>
        new() { Key = key, CustomerKey = customer, Date = new DateOnly(2024, 3, 3), Satisfaction = 4, Nps = 9, Comment = "好" };

    public static HashSet<string> Columns(params string[] names) => new(names, StringComparer.Ordinal);

    /// <summary>One import of one file, committed.</summary>
    public static void ImportFile(IStore store, Action<IImportSession> write, EntityKind kind, params string[] columns) =>
        Run(store, write, kind, false, columns);

    /// <summary>One import of one file with --create-missing, committed.</summary>
    public static void ImportFileCreating(IStore store, Action<IImportSession> write, EntityKind kind) =>
        Run(store, write, kind, true, []);

    /// <summary>Writes records as one batch of a committed one-file import; returns their outcomes.</summary>
    public static WriteOutcome[] ImportBatch(IStore store, EntityKind kind, bool createMissing, string[] columns, params object[] records)
    {
        var outcomes = new WriteOutcome[records.Length];
        Run(store, s => s.WriteBatch(records.Select((r, i) => new LineRecord(r, i + 2)).ToList(), outcomes), kind, createMissing, columns);
        return outcomes;
    }

    private static void Run(IStore store, Action<IImportSession> write, EntityKind kind, bool createMissing, string[] columns)
    {
        using var s = store.BeginImport("test");
        s.BeginFile(kind, "file.csv", Columns(columns), createMissing);
        write(s);
        s.EndFile(0, 0, 0, 0);
        s.Commit();
    }


    public static Rep Rep(string key, RepLevel level = RepLevel.Mid, string? team = null) => new() { Key = key, Name = "Rep " + key, Level = level, Team = team };

    public static Interaction Interaction(string key, string customer, string date, string? rep = null) =>
        new() { Key = key, CustomerKey = customer, RepKey = rep, Date = DateOnly.Parse(date), Kind = InteractionKind.Call };

    /// <summary>Imports reps, then customers (with owner, status, key account and tags), then orders, in one transaction each.</summary>
    public static void Load(IStore store, IEnumerable<Rep> reps, IEnumerable<Customer> customers, IEnumerable<Order>? orders = null,
        IEnumerable<Interaction>? interactions = null)
    {
        void Import<T>(EntityKind kind, IEnumerable<T> items, HashSet<string> columns, Func<IImportSession, T, long, WriteOutcome> write)
        {
            using var s = store.BeginImport("test");
            s.BeginFile(kind, kind + ".csv", columns, false);
            long line = 1, inserted = 0, updated = 0;
            foreach (var item in items)
            {
                var outcome = write(s, item, ++line);
                if (outcome == WriteOutcome.Inserted) inserted++;
                else if (outcome == WriteOutcome.Updated) updated++;
            }
            s.EndFile(line - 1, inserted, updated, line - 1 - inserted - updated);
            s.Commit();
        }
        Import(EntityKind.Reps, reps, Columns("name", "team", "level"), (s, r, l) => s.Write(r, l));
        Import(EntityKind.Customers, customers, Columns("name", "region", "city", "created_date", "birthday", "phone", "email", "key_account", "owner_rep", "status", "tags"),
            (s, c, l) => s.Write(c, l));
        if (orders is not null) Import(EntityKind.Orders, orders, Columns(), (s, o, l) => s.Write(o, l));
        if (interactions is not null) Import(EntityKind.Interactions, interactions, Columns(), (s, i, l) => s.Write(i, l));
    }

    /// <summary>Stores a classification run giving each customer a tier (and optionally a segment and stage).</summary>
    public static long Classify(IStore store, DateOnly asOf, params (string Key, string Tier, string? Segment, string? Stage)[] classes)
    {
        var assignments = classes.Select(c => new ClassAssignment(c.Key, c.Tier, "test", new Dictionary<string, double>())).ToList();
        var outcome = new SchemeOutcome("test", [new ClassifierResult("tier", ["A", "B", "C"], assignments)],
            [.. classes.Select((c, i) => new CustomerClassification(c.Key, c.Tier, c.Segment, c.Stage, [], [assignments[i]]))]);
        return store.SaveClassificationRun("test", asOf, "{}", outcome, [.. classes.Select(_ => 0.0)], ["A", "B", "C"]);
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A fresh SQLite store file in its own temporary folder.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore(TimeProvider? clock = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "allot-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path_ = System.IO.Path.Combine(Folder, "allot.db");
        Store = SqliteStore.Open(Path_, create: true, clock ?? new FixedClock(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    public string Folder { get; }

    public string Path_ { get; }

    public SqliteStore Store { get; private set; }

    public void Reopen()
    {
        Store.Dispose();
        Store = SqliteStore.Open(Path_, create: false);
    }

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
