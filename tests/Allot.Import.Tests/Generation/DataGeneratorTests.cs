using System.Security.Cryptography;
using Allot.Import.Generation;

namespace Allot.Import.Tests.Generation;

public sealed class DataGeneratorTests
{
    private static readonly string[] Files =
        ["customers.csv", "reps.csv", "orders.csv", "invoices.csv", "payments.csv", "interactions.csv", "feedback.csv"];

    private static readonly GenerationOptions Small = new() { Customers = 1_500, Reps = 12, Orders = 25_000, Seed = 7 };

    [Fact]
    public void Generate_SameSeed_IdenticalBytesForEveryFile()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        DataGenerator.Generate(Small, first.Path, ct: TestContext.Current.CancellationToken);
        DataGenerator.Generate(Small, second.Path, ct: TestContext.Current.CancellationToken);

        foreach (var name in Files)
            Assert.Equal(Hash(first.File(name)), Hash(second.File(name)));
    }

    [Fact]
    public void Generate_DifferentSeed_EveryFileDiffers()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        DataGenerator.Generate(Small, first.Path, ct: TestContext.Current.CancellationToken);
        DataGenerator.Generate(Small with { Seed = 8 }, second.Path, ct: TestContext.Current.CancellationToken);

        foreach (var name in Files)
            Assert.NotEqual(Hash(first.File(name)), Hash(second.File(name)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(999L)]
    [InlineData(12_345L)]
    public void Generate_OrderCount_ExactlyThatManyOrderRows(long orders)
    {
        using var dir = new TempDirectory();

        var summary = DataGenerator.Generate(Small with { Orders = orders }, dir.Path, ct: TestContext.Current.CancellationToken);

        Assert.Equal(orders, File.ReadLines(dir.File("orders.csv")).LongCount() - 1);
        Assert.Equal(orders, summary.Orders);
    }

    [Fact]
    public void Generate_OneCustomerManyOrders_AllOrdersGoToIt()
    {
        using var dir = new TempDirectory();

        DataGenerator.Generate(new GenerationOptions { Customers = 1, Reps = 1, Orders = 5_000 }, dir.Path, ct: TestContext.Current.CancellationToken);

        var orders = CsvTestReader.ReadRecords(dir.File("orders.csv"));
        Assert.Equal(5_000, orders.Count);
        Assert.All(orders, o => Assert.Equal("C0000001", o["customer_id"]));
    }

    [Theory]
    [InlineData("customers.csv", "customer_id,name,type,industry,region,city,created_date,birthday,phone,email,channel,key_account,owner_rep_id")]
    [InlineData("reps.csv", "rep_id,name,team,regions,industries,level,capacity,product_skill,selling_skill,relationship_skill,start_date")]
    [InlineData("orders.csv", "order_id,customer_id,order_date,amount,profit,category,channel")]
    [InlineData("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount")]
    [InlineData("payments.csv", "payment_id,invoice_id,payment_date,amount")]
    [InlineData("interactions.csv", "interaction_id,customer_id,rep_id,date,kind,outcome,note")]
    [InlineData("feedback.csv", "feedback_id,customer_id,date,satisfaction,nps,comment")]
    public void Generate_Default_HeaderExactlyAsSpecified(string file, string header)
    {
        using var dir = new TempDirectory();

        DataGenerator.Generate(Small, dir.Path, ct: TestContext.Current.CancellationToken);

        Assert.Equal(header, File.ReadLines(dir.File(file)).First());
    }

    [Fact]
    public void Generate_EveryFile_Utf8WithoutBomLfOnlyAndRectangular()
    {
        using var dir = new TempDirectory();

        DataGenerator.Generate(Small, dir.Path, ct: TestContext.Current.CancellationToken);

        foreach (var name in Files)
        {
            var bytes = File.ReadAllBytes(dir.File(name));
            Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), name + " has a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            var rows = CsvTestReader.ReadAll(dir.File(name));
            Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        }
    }

    [Fact]
    public void Generate_Summary_MatchesFiles()
    {
        using var dir = new TempDirectory();

        var summary = DataGenerator.Generate(Small, dir.Path, ct: TestContext.Current.CancellationToken);

        Assert.Equal(Files.Sum(f => new FileInfo(dir.File(f)).Length), summary.BytesWritten);
        Assert.Equal(Small.Customers, summary.Customers);
        Assert.Equal(Small.Reps, summary.Reps);
        Assert.Equal(File.ReadLines(dir.File("invoices.csv")).LongCount() - 1, summary.Invoices);
        Assert.Equal(File.ReadLines(dir.File("payments.csv")).LongCount() - 1, summary.Payments);
        Assert.Equal(File.ReadLines(dir.File("interactions.csv")).LongCount() - 1, summary.Interactions);
        Assert.Equal(File.ReadLines(dir.File("feedback.csv")).LongCount() - 1, summary.Feedback);
        var amounts = CsvTestReader.ReadRecords(dir.File("orders.csv"))
            .Sum(o => decimal.Parse(o["amount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(amounts, summary.AmountTotal);
    }

    [Fact]
    public void Generate_WithProgress_RisesMonotonicallyToOne()
    {
        using var dir = new TempDirectory();
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);

        DataGenerator.Generate(Small, dir.Path, progress, TestContext.Current.CancellationToken);

        Assert.Equal(0, reports[0]);
        Assert.Equal(1, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void Generate_CancelledToken_ThrowsAndLeavesNoFiles()
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DataGenerator.Generate(Small, dir.Path, ct: cts.Token));

        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
                reports.Add(value);
        }
    }
}
