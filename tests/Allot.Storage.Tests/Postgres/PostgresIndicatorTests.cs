using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Indicators;
using Allot.Import.Generation;
using Allot.Import.Importing;
using Allot.Import.Presets;
using Allot.Tests.Shared;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Postgres;

/// <summary>Indicators computed by PostgreSQL (GROUP BY) equal, bit for bit and for every indicator, those
/// computed by streaming the same store's records through the calculator.</summary>
public sealed class PostgresIndicatorTests : IDisposable
{
    private readonly Contract.TestStore _t = new PostgresProvider().Create(new FixedClock(Now));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "allot-ind-" + Guid.NewGuid().ToString("N"));

    private IStore Store => _t.Store;

    [Fact]
    public void ComputeIndicators_RealAndGeneratedData_SameAsStreaming()
    {
        string data = Path.Combine(_folder, "data");
        DataGenerator.Generate(new GenerationOptions { Customers = 1500, Reps = 30, Orders = 60_000, Seed = 21 }, data, ct: TestContext.Current.CancellationToken);
        using (var rejects = new RejectWriter(Path.Combine(_folder, "rejects.csv")))
        using (var session = Store.BeginImport("test"))
        {
            var importer = new Importer(session, rejects, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
            foreach (var kind in Enum.GetValues<EntityKind>())
                importer.Import(kind, Path.Combine(data, kind.ToString().ToLowerInvariant() + ".csv"), new ImportOptions());
            Presets.Find("superstore")!.Import(importer, SharedData.File("superstore", "Sample - Superstore.csv"), new ImportOptions());
            Presets.Find("online-retail")!.Import(importer, SharedData.File("online-retail", "online_retail_sample_20k_raw.csv"), new ImportOptions());
            Presets.Find("cdnow")!.Import(importer, SharedData.File("cdnow", "CDNOW_sample.txt"), new ImportOptions());
            session.Commit();
        }
        var source = Assert.IsAssignableFrom<IIndicatorSource>(Store);
        foreach (DateOnly? asOf in new DateOnly?[] { null, new DateOnly(2025, 3, 15), new DateOnly(2017, 6, 30), new DateOnly(1998, 1, 1) })
        {
            var expected = Streamed(asOf);
            Assert.True(asOf is not null || expected.Count > 3000, "the default as-of sees every customer");
            IndicatorTables.AssertSame(expected, source.ComputeIndicators(asOf));
        }
    }

    [Fact]
    public void ComputeIndicators_EdgesOfEveryWindowAndRule_SameAsStreaming()
    {
        var asOf = new DateOnly(2024, 6, 30);
        string Ago(int days) => asOf.AddDays(-days).ToString("yyyy-MM-dd");
        ImportFile(Store, s => { s.Write(Rep("R1"), 2); }, EntityKind.Reps, "name");
        ImportFile(Store, s =>
        {
            s.Write(Customer("A", "R1") with { Type = "wholesale", Industry = "food", Channel = "direct", KeyAccount = true }, 2);
            s.Write(Customer("B") with { Region = null }, 3);
        }, EntityKind.Customers, "name", "type", "industry", "region", "city", "channel", "key_account", "owner_rep");
        ImportFileCreating(Store, s =>
        {
            int line = 2;
            foreach (var (key, customer, age, amount, profit, category) in new (string, string, int, decimal, decimal?, string?)[]
            {
                ("o1", "A", 0, 100.10m, 20.02m, "Tea"), ("o2", "A", 0, 50m, null, "Tea"), ("o3", "A", 90, 200m, 50m, "Coffee"),
                ("o4", "A", 364, 300m, 60m, "Tea"), ("o5", "A", 365, 400m, 80m, "Milk"), ("o6", "A", 729, 25m, 5m, "  "),
                ("o7", "A", 730, 1000m, 100m, null), ("o8", "A", -1, 9999m, 1m, "Juice"), ("o9", "A", 91, 1m, -3m, "\u3000"),
                ("c1", "C", 10, 12.345m, null, null), ("c2", "C", 101, 0.0001m, null, "tea"), ("d1", "D", -3, 5m, null, null),
                ("b1", "B", 200, 7m, 0m, "Tea"), ("b2", "B", 200, 3m, 1m, "Tea "),
            })
                s.Write(Order(key, customer, amount, Ago(age)) with { Profit = profit, Category = category }, line++);
        }, EntityKind.Orders);
        ImportFileCreating(Store, s =>
        {
            s.Write(Invoice("I1", "A") with { IssueDate = asOf.AddDays(-100), DueDate = asOf.AddDays(-70), Amount = 1000m }, 2);
            s.Write(Invoice("I2", "A") with { IssueDate = asOf.AddDays(-20), DueDate = asOf.AddDays(10), Amount = 500m }, 3);
            s.Write(Invoice("I3", "A") with { IssueDate = asOf.AddDays(-50), DueDate = asOf, Amount = 200m }, 4);
            s.Write(Invoice("I4", "A") with { IssueDate = asOf.AddDays(5), DueDate = asOf.AddDays(30), Amount = 7777m }, 5);
            s.Write(Invoice("I5", "E") with { IssueDate = asOf.AddDays(-400), DueDate = asOf.AddDays(-370), Amount = 10m }, 6);
        }, EntityKind.Invoices);
        ImportFile(Store, s =>
        {
            s.Write(Payment("p1", "I1", 600m) with { Date = asOf.AddDays(-80) }, 2);
            s.Write(Payment("p2", "I1", 300m) with { Date = asOf.AddDays(-60) }, 3);
            s.Write(Payment("p3", "I3", 250m) with { Date = asOf.AddDays(-5) }, 4);
            s.Write(Payment("p4", "I1", 100m) with { Date = asOf.AddDays(1) }, 5);
            s.Write(Payment("p5", "I4", 7777m) with { Date = asOf.AddDays(6) }, 6);
            s.Write(Payment("p6", "I5", 3m) with { Date = asOf.AddDays(-420) }, 7);
        }, EntityKind.Payments);
        ImportFileCreating(Store, s =>
        {
            int line = 2;
            foreach (var (key, customer, age) in new[] { ("t1", "A", 3), ("t2", "A", 90), ("t3", "A", 364), ("t4", "A", 365), ("t5", "A", -2), ("t6", "F", 400) })
                s.Write(new Interaction { Key = key, CustomerKey = customer, Date = asOf.AddDays(-age), Kind = InteractionKind.Visit }, line++);
        }, EntityKind.Interactions);
        ImportFileCreating(Store, s =>
        {
            s.Write(new Feedback { Key = "F1", CustomerKey = "A", Date = asOf.AddDays(-30), Satisfaction = 4, Nps = 8 }, 2);
            s.Write(new Feedback { Key = "F2", CustomerKey = "A", Date = asOf.AddDays(-10), Satisfaction = 2 }, 3);
            s.Write(new Feedback { Key = "F3", CustomerKey = "A", Date = asOf.AddDays(-10), Satisfaction = 5 }, 4);
            s.Write(new Feedback { Key = "F4", CustomerKey = "A", Date = asOf.AddDays(1), Satisfaction = 1, Nps = 0 }, 5);
            s.Write(new Feedback { Key = "G1", CustomerKey = "G", Date = asOf.AddDays(-1) }, 6);
        }, EntityKind.Feedback);

        var source = (IIndicatorSource)Store;
        foreach (DateOnly? date in new DateOnly?[] { asOf, null, asOf.AddDays(-365), asOf.AddDays(-90), asOf.AddDays(3000) })
            IndicatorTables.AssertSame(Streamed(date), source.ComputeIndicators(date));
        var table = source.ComputeIndicators(asOf);
        // A: Tea, Coffee, Milk (blank, white-space-only and later categories do not count); B: "Tea" and "Tea ".
        Assert.Equal(3, table.Number("category_breadth")[table.RowOf("A")]);
        Assert.Equal(2, table.Number("category_breadth")[table.RowOf("B")]);
        Assert.True(table.RowOf("G") >= 0, "feedback without any answer still makes its customer a row");
    }

    [Fact]
    public void ComputeIndicators_EmptyStore_EmptyTableAtTheEarliestDate()
    {
        var table = ((IIndicatorSource)Store).ComputeIndicators(null);
        Assert.Equal((0, DateOnly.MinValue), (table.Count, table.AsOf));
    }

    private IndicatorTable Streamed(DateOnly? asOf) => IndicatorCalculator.Compute(new IndicatorInput
    {
        Customers = Store.ReadCustomers(), Orders = Store.ReadOrders(), Invoices = Store.ReadInvoices(), Payments = Store.ReadPayments(),
        Interactions = Store.ReadInteractions(), Feedback = Store.ReadFeedback(),
    }, asOf);

    public void Dispose()
    {
        _t.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
