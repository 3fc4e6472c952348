using System.Globalization;
using System.Text.Json;
using Allot.Tests.Shared;

namespace Allot.Cli.Tests;

/// <summary>Each public data set through its preset, checked against figures computed here from the raw file
/// with a deliberately simple parser of its own (not the product's reader).</summary>
public sealed class RealDataImportTests
{
    [Fact]
    public void ImportSuperstore_MatchesIndependentFigures()
    {
        string path = SharedData.File("superstore", "Sample - Superstore.csv");
        var lines = File.ReadAllLines(path).Skip(1).Select(SplitQuoted).ToList();
        Assert.All(lines, l => Assert.Equal(21, l.Length));
        decimal sales = lines.Sum(l => decimal.Parse(l[17], CultureInfo.InvariantCulture));
        decimal profit = lines.Sum(l => decimal.Parse(l[20], CultureInfo.InvariantCulture));
        int orders = lines.Select(l => l[1]).Distinct().Count();
        int customers = lines.Select(l => l[5]).Distinct().Count();
        // The published figures, as a guard on the independent computation itself.
        Assert.Equal((9994, 5009, 793, 2297200.86m, 286397.02m), (lines.Count, orders, customers, Math.Round(sales, 2), Math.Round(profit, 2)));

        using var box = new CliSandbox();
        var report = box.Json("import", "orders", path, "--preset", "superstore");
        Assert.Equal(9994, report.GetProperty("read").GetInt64());
        Assert.Equal(9994, report.GetProperty("imported").GetInt64());
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
        var file = report.GetProperty("files")[0];
        Assert.Equal(5009, file.GetProperty("orders_imported").GetInt64());
        Assert.Equal(793, file.GetProperty("customers_imported").GetInt64());

        var stats = box.Json("stats");
        Assert.Equal(793, stats.GetProperty("customers").GetInt64());
        Assert.Equal(5009, stats.GetProperty("orders").GetInt64());
        Assert.Equal(2297200.86m, Math.Round(stats.GetProperty("amount_total").GetDecimal(), 2));
        Assert.Equal(286397.02m, Math.Round(stats.GetProperty("profit_total").GetDecimal(), 2));

        // Segment becomes the type; the region is the one with most of the customer's sales.
        var byCustomer = lines.Where(l => l[5] == "CG-12520").ToList();
        string region = byCustomer.GroupBy(l => l[12]).Select(g => (g.Key, Sales: g.Sum(l => decimal.Parse(l[17], CultureInfo.InvariantCulture))))
            .OrderByDescending(g => g.Sales).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var show = box.Json("customers", "show", "CG-12520");
        Assert.Equal("Claire Gute", show.GetProperty("name").GetString());
        Assert.Equal("Consumer", show.GetProperty("type").GetString());
        Assert.Equal(region, show.GetProperty("region").GetString());
    }

    [Fact]
    public void Indicators_Superstore_OneCustomerMatchesRawFile()
    {
        string path = SharedData.File("superstore", "Sample - Superstore.csv");
        var lines = File.ReadAllLines(path).Skip(1).Select(SplitQuoted).Where(l => l[5] == "CG-12520").ToList();
        decimal sales = lines.Sum(l => decimal.Parse(l[17], CultureInfo.InvariantCulture));
        int orders = lines.Select(l => l[1]).Distinct().Count();
        using var box = new CliSandbox();
        box.Json("import", "orders", path, "--preset", "superstore");
        var c = box.Json("indicators", "--customer", "CG-12520", "--as-of", "2019-12-30");
        Assert.Equal(orders, c.GetProperty("orders").GetInt32());
        Assert.Equal((double)Math.Round(sales, 4), c.GetProperty("amount").GetDouble(), 6);
        var summary = box.Json("indicators");
        var ordersRow = summary.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "orders");
        Assert.Equal(793, ordersRow.GetProperty("customers_with_value").GetInt32());
    }

    [Fact]
    public void ImportSuperstoreTwice_UpdatesAndDuplicatesNothing()
    {
        string path = SharedData.File("superstore", "Sample - Superstore.csv");
        using var box = new CliSandbox();
        box.Json("import", "orders", path, "--preset", "superstore");
        var again = box.Json("import", "orders", path, "--preset", "superstore");
        Assert.Equal((9994L, 0L, 9994L, 0L), (again.GetProperty("read").GetInt64(), again.GetProperty("imported").GetInt64(),
            again.GetProperty("updated").GetInt64(), again.GetProperty("rejected").GetInt64()));
        var stats = box.Json("stats");
        Assert.Equal((793L, 5009L), (stats.GetProperty("customers").GetInt64(), stats.GetProperty("orders").GetInt64()));
    }

    [Fact]
    public void ImportOnlineRetailInvoices_MatchesIndependentFigures()
    {
        string path = SharedData.File("online-retail", "online_retail.csv");
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        decimal total = rows.Sum(r => decimal.Parse(r[3], NumberStyles.Float, CultureInfo.InvariantCulture));
        int customers = rows.Select(r => r[2]).Distinct().Count();
        Assert.Equal((18532, 4338, 8911407.90m), (rows.Count, customers, Math.Round(total, 2)));

        using var box = new CliSandbox();
        var report = box.Json("import", "orders", path, "--preset", "online-retail");
        Assert.Equal((18532L, 18532L, 0L), (report.GetProperty("read").GetInt64(), report.GetProperty("imported").GetInt64(), report.GetProperty("rejected").GetInt64()));
        var stats = box.Json("stats");
        Assert.Equal(4338, stats.GetProperty("customers").GetInt64());
        Assert.Equal(18532, stats.GetProperty("orders").GetInt64());
        Assert.Equal(8911407.90m, Math.Round(stats.GetProperty("amount_total").GetDecimal(), 2));
    }

    [Fact]
    public void ImportCdnowMaster_MatchesIndependentFigures()
    {
        string path = SharedData.File("cdnow", "CDNOW_master.txt");
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(r => r.Length > 0).ToList();
        decimal dollars = rows.Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture));
        int customers = rows.Select(r => r[0]).Distinct().Count();
        Assert.Equal((69659, 23570, 2500315.63m), (rows.Count, customers, dollars));

        using var box = new CliSandbox();
        var report = box.Json("import", "orders", path, "--preset", "cdnow");
        Assert.Equal((69659L, 69659L, 0L), (report.GetProperty("read").GetInt64(), report.GetProperty("imported").GetInt64(), report.GetProperty("rejected").GetInt64()));
        var stats = box.Json("stats");
        Assert.Equal(23570, stats.GetProperty("customers").GetInt64());
        Assert.Equal(69659, stats.GetProperty("orders").GetInt64());
        Assert.Equal(2500315.63m, stats.GetProperty("amount_total").GetDecimal());
        Assert.Equal("1997-01-01", stats.GetProperty("first_order").GetString());
        Assert.Equal("1998-06-30", stats.GetProperty("last_order").GetString());
    }

    [Fact]
    public void ImportCdnowSample_KeysBySampleId()
    {
        string path = SharedData.File("cdnow", "CDNOW_sample.txt");
        var rows = File.ReadAllLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(r => r.Length > 0).ToList();
        using var box = new CliSandbox();
        var report = box.Json("import", "--preset", "cdnow", path);
        Assert.Equal((6919L, 6919L, 0L, 0L), (report.GetProperty("read").GetInt64(), report.GetProperty("imported").GetInt64(),
            report.GetProperty("updated").GetInt64(), report.GetProperty("rejected").GetInt64()));
        Assert.Equal(rows.Count, report.GetProperty("imported").GetInt64());
        var stats = box.Json("stats");
        Assert.Equal(2357, stats.GetProperty("customers").GetInt64());
        Assert.Equal(6919, stats.GetProperty("orders").GetInt64());
        Assert.Equal(rows.Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture)), stats.GetProperty("amount_total").GetDecimal());
        Assert.Equal(JsonValueKind.Object, box.Json("customers", "show", "0001").ValueKind);
    }

    [Fact]
    public void ImportOnlineRetailRawSample_AccountsForAllLinesWithReasons()
    {
        string path = SharedData.File("online-retail", "online_retail_sample_20k_raw.csv");
        var rows = File.ReadAllLines(path).Skip(1).Select(SplitQuoted).ToList();
        Assert.Equal(20000, rows.Count);
        bool Bad(string[] r) => r[0].StartsWith('C') || decimal.Parse(r[3], CultureInfo.InvariantCulture) <= 0
            || r[6] == "NA" || decimal.Parse(r[5], CultureInfo.InvariantCulture) <= 0;
        int expectedRejects = rows.Count(Bad);
        var good = rows.Where(r => !Bad(r)).ToList();
        decimal expectedAmount = good.Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture) * decimal.Parse(r[5], CultureInfo.InvariantCulture));

        using var box = new CliSandbox();
        var report = box.Json("import", "orders", path, "--preset", "online-retail");
        long read = report.GetProperty("read").GetInt64(), imported = report.GetProperty("imported").GetInt64();
        long updated = report.GetProperty("updated").GetInt64(), rejected = report.GetProperty("rejected").GetInt64();
        Assert.Equal(20000, read);
        Assert.Equal(read, imported + updated + rejected);
        Assert.Equal(expectedRejects, rejected);

        var rejectLines = File.ReadAllLines(report.GetProperty("rejects").GetString()!).Skip(1).ToList();
        Assert.Equal(expectedRejects, rejectLines.Count);
        Assert.Contains(rejectLines, l => l.Contains("cancellation", StringComparison.Ordinal));
        Assert.Contains(rejectLines, l => l.Contains("no customer", StringComparison.Ordinal));

        var stats = box.Json("stats");
        Assert.Equal(good.Select(r => r[0]).Distinct().Count(), stats.GetProperty("orders").GetInt64());
        Assert.Equal(good.Select(r => r[6]).Distinct().Count(), stats.GetProperty("customers").GetInt64());
        Assert.Equal(Math.Round(expectedAmount, 4), stats.GetProperty("amount_total").GetDecimal());
    }

    /// <summary>A minimal RFC 4180 split for one physical line (these files have no embedded newlines).</summary>
    private static string[] SplitQuoted(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
