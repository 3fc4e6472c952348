using Allot.Core.Customers;
using Allot.Core.Receivables;
using Allot.Core.Sales;
using Allot.Storage.Sqlite;

namespace Allot.Storage.Tests;

/// <summary>Test data and a store in a temporary folder that is deleted afterwards.</summary>
internal static class Builders
{
    public static Customer Customer(string key, string? owner = null, string? name = null) =>
        new() { Key = key, Name = name ?? "Customer " + key, Region = "East", City = "Shanghai", OwnerRepKey = owner };

    public static Order Order(string key, string customer, decimal amount = 100m, string date = "2024-05-01") =>
        new() { Key = key, CustomerKey = customer, Date = DateOnly.Parse(date), Amount = amount, Profit = amount / 4 };

    public static Invoice Invoice(string key, string customer) =>
        new() { Key = key, CustomerKey = customer, IssueDate = new DateOnly(2024, 1, 1), DueDate = new DateOnly(2024, 1, 31), Amount = 50m };

    public static HashSet<string> Columns(params string[] names) => new(names, StringComparer.Ordinal);
}

/// <summary>A fresh SQLite store file in its own temporary folder.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "allot-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path_ = System.IO.Path.Combine(Folder, "allot.db");
        Store = SqliteStore.Open(Path_, create: true, new FixedClock(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero)));
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
}
