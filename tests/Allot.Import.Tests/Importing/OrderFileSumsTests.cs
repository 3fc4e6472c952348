using System.Globalization;
using System.Text;
using Allot.Core.Importing;
using Allot.Core.Indicators;
using Allot.Core.Sales;
using Allot.Import.Importing;
using Allot.Import.Reading;
using Allot.Tests.Shared;

namespace Allot.Import.Tests.Importing;

/// <summary>The fast orders reader against the import's own mapping streamed into the calculator: the same
/// table bit for bit and the same rejects (line, column, value, reason), or null when the file is not one it takes.</summary>
public sealed class OrderFileSumsTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private const OrderDetail All = OrderDetail.PurchaseDays | OrderDetail.Categories;

    [Fact]
    public void TrySum_OnlineRetail_EqualsMappedOrders() =>
        AssertSameAsMapping(SharedData.File("online-retail", "online_retail.csv"), asOf: null, minChunk: 64 << 10);

    [Fact]
    public void TrySum_OnlineRetailMidYear_EqualsMappedOrders() =>
        AssertSameAsMapping(SharedData.File("online-retail", "online_retail.csv"), asOf: new DateOnly(2011, 6, 30), minChunk: 16 << 10);

    [Theory]
    [InlineData(1, 1 << 30)]
    [InlineData(2, 4096)]
    [InlineData(3, 1000)]
    public void TrySum_GeneratedUnsortedRows_EqualsMappedOrders(int workers, int minChunk)
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", Generated(20_000, seed: 7, crlf: workers == 2));
        AssertSameAsMapping(path, asOf: null, minChunk, workers);
        AssertSameAsMapping(path, asOf: new DateOnly(2025, 3, 1), minChunk, workers);
    }

    [Theory]
    [InlineData(2, 4096)]
    [InlineData(3, 1000)]
    [InlineData(5, 700)]
    public void TrySum_SumsOnly_SameSumsAsWithEveryDetail(int workers, int minChunk)
    {
        // Without purchase days or categories the workers' tables are walked together in key order instead of merged
        // into one; the sums must come out the same, customer by customer, also for the Online Retail amounts that
        // need 128 bits.
        using var dir = new TempDirectory();
        foreach (string path in new[] { dir.WriteText("orders.csv", Generated(20_000, seed: 3, crlf: false)), SharedData.File("online-retail", "online_retail.csv") })
        {
            var all = OrderFileSums.TrySum(path, Today, null, All, null, workers, minChunk)!;
            var sums = OrderFileSums.TrySum(path, Today, null, OrderDetail.None, null, workers, minChunk)!;
            Assert.Equal(all.AsOf, sums.AsOf);
            Assert.Equal(all.Summaries.Select(s => s with { PurchaseDays = 0, RepurchaseDays = 0, Categories = 0 }), sums.Summaries);
        }
    }

    [Theory]
    [InlineData("latest first")]
    [InlineData("tail without a valid date")]
    public void TrySum_LatestDateNotInTheTail_SumsAgainForIt(string what)
    {
        // The default as-of is first guessed from the file's tail; here the guess is wrong (or there is none), so
        // the file must be summed again for the latest date it really holds.
        using var dir = new TempDirectory();
        var text = new StringBuilder("order_id,customer_id,order_date,amount,profit\n");
        text.Append("O0,C1,2025-12-31,10.00,1.00\n");
        for (int i = 1; i < 5000; i++)
        {
            string date = what == "latest first" || i < 4000 ? new DateOnly(2024, 1, 1).AddDays(i % 500).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "soon";
            text.Append(CultureInfo.InvariantCulture, $"O{i},C{i % 300},{date},{i % 97}.{i % 100:D2},{i % 13}\n");
        }
        string path = dir.WriteText("orders.csv", text.ToString());
        var rejects = AssertSameAsMapping(path, asOf: null, minChunk: 2048);
        Assert.Equal(new DateOnly(2025, 12, 31), OrderFileSums.TrySum(path, Today, null, All, null, 2, 2048)!.AsOf);
        Assert.Equal(what == "latest first" ? 0 : 1000, rejects.Count);
    }

    [Fact]
    public void TrySum_EdgeRows_EqualsMappedOrdersWithTheSameRejects()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("订单编号,客户编号,订单日期,金额,利润,成本,数量,品类\r\n");
        string[] rows =
        [
            "A1,C1,2025-01-02,100.50,10.25,,1,Furniture",
            "A2,C1,2025-01-02,20,,15.5,2,办公用品",             // same day; profit from amount − cost
            "A3, C2 ,2025-02-03, 7.5 ,-3.25,,,  Paper  ",       // padded fields, negative profit
            "A4,C2,2025/2/4,8,,,,Paper",                       // other date form: mapped row by row
            "A5,C3,3/5/2025,¥1234,(12.50),,,",                 // currency sign, accounting negative
            "A6,C3,2025-03-06,１２３.５,,,,",                  // full-width digits
            "A7,\u3000C4\u3000,2025-03-07,5,,,,",              // ideographic spaces trimmed
            "A8,C4,2025-13-01,5,,,,",                           // rejected: no such month
            "A9,C4,2026-02-01,5,,,,",                           // rejected: after today
            "A10,,2025-03-08,5,,,,",                            // rejected: no customer
            "A11,C5,2025-03-09,-5,,,,",                         // rejected: negative amount
            "A12,C5,2025-03-09,five,,,,",                       // rejected: not a number
            "A13,C5,2025-03-09,5,,,",                           // rejected: a field short
            "",
            "   ",
            "A14,C5,2025-03-10,5.123456,0.000001,,,x\"y",      // six decimals; a quote inside a field is text
            "A15,C6,2025-03-11,0,0,,,",
            "A16,C6,2025-03-11,1e3,,,,",
            "A17,C7,2025-03-12,5,,,-1,",                        // rejected: negative quantity
            "A18,C7,2025-03-12,5,,,1.5,\u00a0Toys",
            "A19,C8,2025-03-12 10:30:00,5,,,,",
        ];
        foreach (string row in rows) text.Append(row).Append("\r\n");
        string path = dir.WriteText("orders.csv", text.ToString(), bom: true);
        var rejects = AssertSameAsMapping(path, asOf: null, minChunk: 64);
        Assert.Equal([9L, 10, 11, 12, 13, 14, 20], rejects.Select(r => r.Line));
    }

    [Fact]
    public void TrySum_TabSeparatedWithGroupedAmounts_EqualsMappedOrders()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.tsv", "order_id\tcustomer_id\torder_date\tamount\n"
            + "1\tC1\t2025-01-01\t1,234.50\n2\tC1\t2025-01-05\t10\n3\tC2\t2025-01-05\t$3.20\n");
        AssertSameAsMapping(path, asOf: null, minChunk: 16);
    }

    [Fact]
    public void TrySum_RequiredColumnsOnly_EqualsMappedOrders()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", "customer,date,sales,order\nC1,2025-01-01,5,1\nC2,2025-01-02,6,2\nC1,2025-01-09,7,3");
        AssertSameAsMapping(path, asOf: null, minChunk: 8);
    }

    [Fact]
    public void TrySum_MissingRequiredColumn_ThrowsAsTheImportDoes()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", "order_id,customer_id,amount\n1,C1,5\n");
        var expected = Assert.Throws<ImportFileException>(() => FileRecords.Read<Order>(EntityKind.Orders, path, Today).ToList());
        var actual = Assert.Throws<ImportFileException>(() => OrderFileSums.TrySum(path, Today, null, All));
        Assert.Equal(expected.Message, actual.Message);
    }

    public static TheoryData<string, byte[]> NotTaken()
    {
        // The legacy code pages are registered by the import's encoding detection; this may run before any did.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return NotTakenData();
    }

    private static TheoryData<string, byte[]> NotTakenData() => new()
    {
        { "GB18030", Encoding.GetEncoding(54936).GetBytes("order_id,customer_id,order_date,amount,category\n1,客户一,2025-01-01,5,办公用品\n2,客户二,2025-01-02,6,家具\n") },
        { "UTF-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("order_id,customer_id,order_date,amount\n1,C1,2025-01-01,5\n")).ToArray() },
        { "quoted field", Encoding.UTF8.GetBytes("order_id,customer_id,order_date,amount\n1,\"C1\",2025-01-01,5\n2,C2,2025-01-01,\"1,200\"\n") },
        { "quoted line break", Encoding.UTF8.GetBytes("order_id,customer_id,order_date,amount,category\n1,C1,2025-01-01,5,\"a\nb\"\n") },
        { "lone CR", Encoding.UTF8.GetBytes("order_id,customer_id,order_date,amount\r1,C1,2025-01-01,5\r2,C2,2025-01-01,6\r") },
        { "zero profit after a loss", Encoding.UTF8.GetBytes("order_id,customer_id,order_date,amount,profit\n1,C1,2025-01-01,5,-2\n2,C1,2025-01-02,5,2\n") },
        { "no valid date", Encoding.UTF8.GetBytes("order_id,customer_id,order_date,amount\n1,C1,someday,5\n") },
    };

    [Theory]
    [MemberData(nameof(NotTaken))]
    public void TrySum_FileItDoesNotTake_ReturnsNullAndReportsNothing(string what, byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var dir = new TempDirectory();
        string path = dir.WriteBytes("orders.csv", bytes);
        var rejects = new List<RowReject>();
        Assert.True(OrderFileSums.TrySum(path, Today, null, All, rejects.Add, workers: 2) is null, what);
        Assert.Empty(rejects);
    }

    // Returns the rejects, after checking both readers agree on them and on every indicator.
    private static List<RowReject> AssertSameAsMapping(string path, DateOnly? asOf, int minChunk, int workers = 2)
    {
        var expectedRejects = new List<RowReject>();
        var date = asOf ?? FileRecords.LatestOrderDate(path, Today);
        var expected = IndicatorCalculator.Compute(
            new IndicatorInput { Orders = FileRecords.Read<Order>(EntityKind.Orders, path, Today, expectedRejects.Add) }, date);

        var rejects = new List<RowReject>();
        var result = OrderFileSums.TrySum(path, Today, asOf, All, rejects.Add, workers, minChunk);
        Assert.NotNull(result);
        var actual = IndicatorCalculator.Compute(new IndicatorInput { OrderSummaries = result.Summaries }, result.AsOf);
        IndicatorTables.AssertSame(expected, actual);
        Assert.Equal(expectedRejects, rejects);
        return rejects;
    }

    // Rows in no order: customers repeat across the file, several orders a day, profits of either sign, some
    // only with a cost, categories in two scripts, a few rows the import rejects.
    private static string Generated(int rows, int seed, bool crlf)
    {
        var rng = new Random(seed);
        string[] categories = ["Paper", "Furniture", "办公用品", "Toys", "Garden"];
        var text = new StringBuilder("order_id,customer_id,order_date,amount,profit,cost,category\n");
        var start = new DateOnly(2023, 1, 1);
        for (int i = 0; i < rows; i++)
        {
            string customer = "C" + rng.Next(1, 900).ToString("D4", CultureInfo.InvariantCulture);
            var day = start.AddDays(rng.Next(0, 1100));
            string amount = (rng.Next(0, 500_000) / 100m).ToString(rng.Next(3) == 0 ? "0.0###" : "0.00", CultureInfo.InvariantCulture);
            string profit = rng.Next(4) switch
            {
                0 => "",
                1 => (rng.Next(-20_000, 20_000) / 100m).ToString(CultureInfo.InvariantCulture),
                _ => (rng.Next(0, 30_000) / 1000m).ToString(CultureInfo.InvariantCulture),
            };
            string cost = profit.Length == 0 && rng.Next(2) == 0 ? (rng.Next(0, 10_000) / 100m).ToString(CultureInfo.InvariantCulture) : "";
            string category = rng.Next(6) == 0 ? "" : categories[rng.Next(categories.Length)];
            if (rng.Next(500) == 0) amount = "n/a";
            text.Append(CultureInfo.InvariantCulture, $"O{i},{customer},{day:yyyy-MM-dd},{amount},{profit},{cost},{category}").Append(crlf ? "\r\n" : "\n");
        }
        return text.ToString();
    }
}
