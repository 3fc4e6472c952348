using System.Globalization;
using System.Text;
using Allot.Core.Classification;
using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification;

/// <summary>Classifiers on the shared real data sets, checked against independent loops written here.</summary>
public sealed class RealDataTests
{
    private static readonly DateOnly RetailAsOf = new(2011, 12, 9);

    private static readonly Lazy<IndicatorTable> Retail = new(() =>
    {
        var rows = File.ReadLines(Allot.Tests.Shared.SharedData.File("online-retail", "online_retail.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Invoice: f[0], Date: DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), Customer: f[2],
                Total: double.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToArray();
        var customers = rows.GroupBy(r => r.Customer).Select(g => (Key: g.Key, Amount: g.Sum(r => r.Total),
            Orders: (double)g.Select(r => r.Invoice).Distinct().Count(), Recency: (double)(RetailAsOf.DayNumber - g.Max(r => r.Date).DayNumber))).ToArray();
        return IndicatorTable.Create(RetailAsOf, customers.Select(c => c.Key).ToArray(), new Dictionary<string, double[]>
        {
            ["amount"] = customers.Select(c => c.Amount).ToArray(),
            ["orders"] = customers.Select(c => c.Orders).ToArray(),
            ["recency_days"] = customers.Select(c => c.Recency).ToArray(),
        });
    });

    /// <summary>A, B, C (and non-positive) counts by a plain loop over values sorted descending, ties by key.</summary>
    private static (int A, int B, int C, int NonPositive) CountAbc(IReadOnlyList<string> keys, ReadOnlySpan<double> values, double a, double b)
    {
        var pairs = new List<(string Key, double Value)>();
        for (int i = 0; i < values.Length; i++) pairs.Add((keys[i], values[i]));
        var positive = pairs.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        double total = positive.Sum(p => p.Value), before = 0;
        int countA = 0, countB = 0, countC = 0;
        foreach (var p in positive)
        {
            if (before / total < a) countA++;
            else if (before / total < b) countB++;
            else countC++;
            before += p.Value;
        }
        return (countA, countB, countC, pairs.Count - positive.Count);
    }

    private static int[] QuintileCounts(double[] values, bool lowerIsBetter)
    {
        int n = values.Length;
        var counts = new int[6];
        foreach (double x in values)
        {
            int rank = 1 + values.Count(v => lowerIsBetter ? v > x : v < x);
            counts[1 + 5 * (rank - 1) / n]++;
        }
        return counts[1..];
    }

    [Fact]
    public void Abc_OnlineRetailAmount_CountsMatchIndependentLoop()
    {
        var table = Retail.Value;
        Assert.Equal(4338, table.Count);
        var expected = CountAbc(table.CustomerKeys, table.Number("amount"), 0.8, 0.95);
        var result = Abc.Classify(table, "amount", AbcOptions.Default);
        var actual = (result.Assignments.Count(a => a.Class == "A"), result.Assignments.Count(a => a.Class == "B"), result.Assignments.Count(a => a.Class == "C"), 0);
        Assert.Equal(expected, actual);
        // The Pareto shape: well under half the customers make 80 % of the revenue.
        Assert.InRange(expected.A, 500, 2000);
        Assert.Equal(1.0, result.Assignments.Sum(a => a.Numbers["share"]), 9);
    }

    [Fact]
    public void Score_OnlineRetail_DistributionMatchesQuintileFormula()
    {
        var table = Retail.Value;
        var result = Rfm.Score(table);
        int[] Count(string score) => [.. Enumerable.Range(1, 5).Select(s => result.Assignments.Count(a => a.Numbers[score] == s))];
        Assert.Equal(QuintileCounts(table.Number("recency_days").ToArray(), lowerIsBetter: true), Count("r"));
        Assert.Equal(QuintileCounts(table.Number("orders").ToArray(), lowerIsBetter: false), Count("f"));
        Assert.Equal(QuintileCounts(table.Number("amount").ToArray(), lowerIsBetter: false), Count("m"));
        Assert.DoesNotContain(result.Assignments, a => a.Class == Rfm.NoPurchases);
        Assert.Equal(11, result.Assignments.Select(a => a.Class).Distinct().Count());
    }

    [Fact]
    public void EightClass_OnlineRetail_EveryCustomerClassedAndImportantValueAboveMeans()
    {
        var result = Rfm.EightClass(Retail.Value);
        Assert.All(result.Assignments, a => Assert.Contains(a.Class, result.Classes.Take(8)));
        var best = result.Assignments.Where(a => a.Class == "重要价值").ToArray();
        Assert.NotEmpty(best);
        Assert.All(best, a => Assert.True(a.Numbers["amount"] >= a.Numbers["mean_amount"] && a.Numbers["recency_days"] <= a.Numbers["mean_recency_days"]));
    }

    [Fact]
    public void Abc_SuperstoreProfit_LossMakersInLossClassAndCountsMatch()
    {
        var profit = new Dictionary<string, double>(StringComparer.Ordinal);
        var records = ParseCsv(File.ReadAllText(Allot.Tests.Shared.SharedData.File("superstore", "Sample - Superstore.csv"), Encoding.UTF8));
        var header = records[0];
        int customer = Array.IndexOf(header, "Customer ID"), profitColumn = Array.IndexOf(header, "Profit");
        Assert.Equal(9994, records.Count - 1);
        foreach (var r in records.Skip(1))
            profit[r[customer]] = profit.GetValueOrDefault(r[customer]) + double.Parse(r[profitColumn], CultureInfo.InvariantCulture);
        var keys = profit.Keys.ToArray();
        var table = IndicatorTable.Create(new DateOnly(2019, 12, 30), keys, new Dictionary<string, double[]> { ["profit"] = [.. keys.Select(k => profit[k])] });

        var result = Abc.Classify(table, "profit", new AbcOptions { NonPositiveClass = "loss" });
        var expected = CountAbc(table.CustomerKeys, table.Number("profit"), 0.8, 0.95);
        int Count(string c) => result.Assignments.Count(a => a.Class == c);
        Assert.Equal(expected, (Count("A"), Count("B"), Count("C"), Count("loss")));
        Assert.Equal(793, table.Count);
        Assert.True(expected.NonPositive > 0, "Superstore has loss-making customers");
        Assert.All(result.Assignments.Where(a => a.Class == "loss"), a => Assert.True(a.Numbers["value"] <= 0));
    }

    /// <summary>RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }
}
