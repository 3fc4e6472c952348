using System.Globalization;
using Allot.Import.Generation;

namespace Allot.Import.Tests.Generation;

public sealed class DataGeneratorRealismTests
{
    private static readonly GenerationOptions Options = new()
    {
        Customers = 4_000, Reps = 30, Orders = 60_000, Seed = 2024, End = new DateOnly(2024, 6, 15), Years = 2,
    };

    [Fact]
    public void Generate_Orders_EveryCustomerIdExists()
    {
        using var dir = Generated();

        var customers = CsvTestReader.ReadRecords(dir.File("customers.csv")).Select(c => c["customer_id"]).ToHashSet();
        var orders = CsvTestReader.ReadRecords(dir.File("orders.csv"));

        Assert.NotEmpty(orders);
        Assert.All(orders, o => Assert.Contains(o["customer_id"], customers));
    }

    [Fact]
    public void Generate_OtherFiles_ReferenceExistingCustomersRepsAndInvoices()
    {
        using var dir = Generated();

        var customers = CsvTestReader.ReadRecords(dir.File("customers.csv"));
        var customerIds = customers.Select(c => c["customer_id"]).ToHashSet();
        var repIds = CsvTestReader.ReadRecords(dir.File("reps.csv")).Select(r => r["rep_id"]).ToHashSet();
        var invoiceIds = CsvTestReader.ReadRecords(dir.File("invoices.csv")).Select(i => i["invoice_id"]).ToHashSet();

        Assert.All(customers.Where(c => c["owner_rep_id"] != ""), c => Assert.Contains(c["owner_rep_id"], repIds));
        Assert.All(customers.Where(c => c["channel"] != "direct"), c => Assert.Contains(c["channel"], customerIds));
        Assert.All(CsvTestReader.ReadRecords(dir.File("payments.csv")), p => Assert.Contains(p["invoice_id"], invoiceIds));
        Assert.All(CsvTestReader.ReadRecords(dir.File("interactions.csv")), i => Assert.Contains(i["customer_id"], customerIds));
    }

    [Fact]
    public void Generate_DatedRows_NoneAfterEnd()
    {
        using var dir = Generated();

        var dates = new[]
        {
            ("orders.csv", "order_date"), ("invoices.csv", "issue_date"), ("payments.csv", "payment_date"),
            ("interactions.csv", "date"), ("feedback.csv", "date"), ("customers.csv", "created_date"),
        };
        foreach (var (file, column) in dates)
        {
            var rows = CsvTestReader.ReadRecords(dir.File(file));
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.True(
                DateOnly.ParseExact(r[column], "yyyy-MM-dd", CultureInfo.InvariantCulture) <= Options.End,
                $"{file} {column} {r[column]}"));
        }
    }

    [Fact]
    public void Generate_Orders_WithinOrderWindow()
    {
        using var dir = Generated();

        var windowStart = Options.End.AddYears(-Options.Years).AddDays(1);
        var dates = CsvTestReader.ReadRecords(dir.File("orders.csv"))
            .Select(o => DateOnly.ParseExact(o["order_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

        Assert.True(dates.Min() >= windowStart, $"earliest {dates.Min()}");
    }

    [Fact]
    public void Generate_Amounts_TopFifthOfCustomersHoldOverSixtyPercent()
    {
        using var dir = Generated();

        var perCustomer = CsvTestReader.ReadRecords(dir.File("orders.csv"))
            .GroupBy(o => o["customer_id"])
            .ToDictionary(g => g.Key, g => g.Sum(o => decimal.Parse(o["amount"], CultureInfo.InvariantCulture)));
        var all = CsvTestReader.ReadRecords(dir.File("customers.csv"))
            .Select(c => perCustomer.GetValueOrDefault(c["customer_id"])).OrderDescending().ToList();

        var topShare = all.Take(all.Count / 5).Sum() / all.Sum();

        Assert.True(topShare > 0.6m, $"top 20 % share {topShare:P1}");
    }

    [Fact]
    public void Generate_Profit_SometimesNegativeButMostlyPositive()
    {
        using var dir = Generated();

        var profits = CsvTestReader.ReadRecords(dir.File("orders.csv"))
            .Select(o => decimal.Parse(o["profit"], CultureInfo.InvariantCulture)).ToList();

        Assert.Contains(profits, p => p < 0);
        Assert.True(profits.Count(p => p > 0) > profits.Count * 0.9);
    }

    [Fact]
    public void Generate_Customers_SomeLookDuplicate()
    {
        using var dir = Generated();

        var customers = CsvTestReader.ReadRecords(dir.File("customers.csv"));
        var samePhone = customers.Where(c => c["phone"] != "").GroupBy(c => c["phone"]).Count(g => g.Count() > 1);
        var sameEmail = customers.Where(c => c["email"] != "").GroupBy(c => c["email"]).Count(g => g.Count() > 1);
        var nearName = customers.GroupBy(c => (c["city"], Name: Normalize(c["name"]))).Count(g => g.Select(c => c["name"]).Distinct().Count() > 1);

        Assert.True(samePhone > 0, "no shared phone");
        Assert.True(sameEmail > 0, "no shared email");
        Assert.True(nearName > 0, "no near-identical name in the same city");
    }

    [Fact]
    public void Generate_Reps_LevelsSkillsAndRegionsInRange()
    {
        using var dir = Generated();

        var reps = CsvTestReader.ReadRecords(dir.File("reps.csv"));

        Assert.Equal(Options.Reps, reps.Count);
        Assert.All(reps, r =>
        {
            Assert.Contains(r["level"], new[] { "junior", "mid", "senior" });
            Assert.InRange(r["regions"].Split(';').Length, 1, 3);
            Assert.InRange(r["industries"].Split(';').Length, 1, 3);
            Assert.InRange(int.Parse(r["product_skill"], CultureInfo.InvariantCulture), 0, 100);
            Assert.True(int.Parse(r["capacity"], CultureInfo.InvariantCulture) > 0);
        });
    }

    [Fact]
    public void Generate_Owners_ServeTheCustomersRegion()
    {
        using var dir = Generated();

        var regionsByRep = CsvTestReader.ReadRecords(dir.File("reps.csv")).ToDictionary(r => r["rep_id"], r => r["regions"].Split(';'));
        var owned = CsvTestReader.ReadRecords(dir.File("customers.csv")).Where(c => c["owner_rep_id"] != "").ToList();

        Assert.NotEmpty(owned);
        Assert.All(owned, c => Assert.Contains(c["region"], regionsByRep[c["owner_rep_id"]]));
    }

    [Fact]
    public void Generate_Payments_NeverExceedTheirInvoice()
    {
        using var dir = Generated();

        var invoiced = CsvTestReader.ReadRecords(dir.File("invoices.csv"))
            .ToDictionary(i => i["invoice_id"], i => decimal.Parse(i["amount"], CultureInfo.InvariantCulture));
        var paid = CsvTestReader.ReadRecords(dir.File("payments.csv"))
            .GroupBy(p => p["invoice_id"])
            .Select(g => (Invoice: g.Key, Paid: g.Sum(p => decimal.Parse(p["amount"], CultureInfo.InvariantCulture))))
            .ToList();

        Assert.NotEmpty(paid);
        Assert.All(paid, p => Assert.True(p.Paid <= invoiced[p.Invoice], p.Invoice));
        Assert.True(paid.Count < invoiced.Count, "every invoice is paid; expected some open ones");
    }

    private static string Normalize(string name) =>
        name.Trim().Replace("有限责任公司", "有限公司", StringComparison.Ordinal).Replace("股份有限公司", "有限公司", StringComparison.Ordinal);

    private static TempDirectory Generated()
    {
        var dir = new TempDirectory();
        DataGenerator.Generate(Options, dir.Path, ct: TestContext.Current.CancellationToken);
        return dir;
    }
}
