using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;

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
}

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
