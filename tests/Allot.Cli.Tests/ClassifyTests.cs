using System.Text.Json;
using Allot.Tests.Shared;

namespace Allot.Cli.Tests;

public sealed class ClassifyTests
{
    [Fact]
    public void Classify_SuperstoreDefaultScheme_SummaryPerClassifier()
    {
        using var box = new CliSandbox();
        box.Json("import", "orders", SharedData.File("superstore", "Sample - Superstore.csv"), "--preset", "superstore");
        var run = box.Json("classify");
        Assert.Equal(793, run.GetProperty("customers").GetInt32());
        Assert.Equal("2019-12-30", run.GetProperty("as_of").GetString());
        foreach (var classifier in run.GetProperty("classifiers").EnumerateArray())
        {
            var classes = classifier.GetProperty("classes").EnumerateArray().ToList();
            Assert.Equal(793, classes.Sum(c => c.GetProperty("customers").GetInt32()));
            Assert.Equal(1.0, classes.Sum(c => c.GetProperty("revenue_share").GetDouble()), 4);
        }
        // The same data, scheme and as-of give the same bytes (unstored runs: a stored one carries its number).
        var again = box.Run("classify", "--format", "json", "--no-store");
        Assert.Equal(box.Run("classify", "--format", "json", "--no-store").Stdout, again.Stdout);
    }

    [Fact]
    public void Classify_CdnowMaster_AbcCountsMatchIndependentLoop()
    {
        string path = SharedData.File("cdnow", "CDNOW_master.txt");
        // Independent: spend per customer from the raw file, sorted descending (ties by key), A while the
        // cumulative share before the customer is below 80 %, B below 95 %.
        var spend = File.ReadAllLines(path).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(r => r.Length == 4)
            .GroupBy(r => r[0]).Select(g => (Key: g.Key, Amount: g.Sum(r => decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture))))
            .OrderByDescending(x => x.Amount).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        decimal total = spend.Where(x => x.Amount > 0).Sum(x => x.Amount), before = 0;
        int a = 0, b = 0, c = 0;
        foreach (var (_, amount) in spend)
        {
            if (amount <= 0) c++;
            else if (before / total < 0.80m) a++;
            else if (before / total < 0.95m) b++;
            else c++;
            if (amount > 0) before += amount;
        }

        using var box = new CliSandbox();
        box.Json("import", "orders", path, "--preset", "cdnow");
        var run = box.Json("classify", "--no-store");
        Assert.Equal(23570, run.GetProperty("customers").GetInt32());
        var abc = run.GetProperty("classifiers").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "abc_amount")
            .GetProperty("classes").EnumerateArray().ToDictionary(x => x.GetProperty("class").GetString()!, x => x.GetProperty("customers").GetInt32());
        Assert.Equal(a, abc["A"]);
        Assert.Equal(b, abc["B"]);
        Assert.Equal(c, abc["C"] + abc.GetValueOrDefault("no sales"));
    }

    [Fact]
    public void Classify_ResultsFileAndExplain_EveryCustomerHasATier()
    {
        using var box = new CliSandbox();
        box.Json("import", "orders", SharedData.File("superstore", "Sample - Superstore.csv"), "--preset", "superstore");
        string results = Path.Combine(box.Folder, "results.csv");
        Assert.Equal(0, box.Run("classify", "--results", results).Exit);
        var lines = File.ReadAllLines(results);
        Assert.Equal(794, lines.Length);
        Assert.StartsWith("customer_id,tier,segment,lifecycle_stage,tags", lines[0].TrimStart('\uFEFF'));
        var explained = box.Json("classify", "--customer", "CG-12520");
        Assert.Equal("CG-12520", explained.GetProperty("customer").GetString());
        Assert.False(string.IsNullOrEmpty(explained.GetProperty("tier").GetString()));
    }

    [Fact]
    public void Classify_StoresRuns_ExplainReadsThem()
    {
        using var box = new CliSandbox();
        box.Json("import", "orders", SharedData.File("superstore", "Sample - Superstore.csv"), "--preset", "superstore");
        Assert.Equal(1, box.Json("classify").GetProperty("run").GetInt64());
        Assert.Equal(JsonValueKind.Null, box.Json("classify", "--no-store").GetProperty("run").ValueKind);
        Assert.Equal(2, box.Json("classify", "--as-of", "2018-12-31").GetProperty("run").GetInt64());
        var runs = box.Json("runs", "list");
        Assert.Equal(2, runs.GetArrayLength());
        Assert.Equal(("2018-12-31", 793), (runs[0].GetProperty("as_of").GetString(), runs[0].GetProperty("customers").GetInt32()));
        var latest = box.Json("explain", "CG-12520");
        var first = box.Json("explain", "CG-12520", "--run", "1");
        Assert.Equal(2, latest.GetProperty("run").GetInt64());
        Assert.Equal(first.GetProperty("tier").GetString(), box.Json("classify", "--customer", "CG-12520", "--no-store").GetProperty("tier").GetString());
        Assert.Contains("cumulative share", first.GetProperty("abc_amount").GetString());
        Assert.Equal(1, box.Run("explain", "NOPE").Exit);

        string xlsx = Path.Combine(box.Folder, "run1.xlsx"), csv = Path.Combine(box.Folder, "run1.csv");
        Assert.Equal(0, box.Run("export", "run", "1", "--out", xlsx).Exit);
        Assert.Equal(0, box.Run("export", "run", "1", "--out", csv).Exit);
        Assert.Equal(794, File.ReadAllLines(csv).Length);
        // The workbook reads back through the importer's own XLSX reader: a header and 793 rows.
        using (var sheet = Allot.Import.Reading.TableReader.Open(xlsx))
        {
            Assert.Equal("customer_id", sheet.Headers[0]);
            int rows = 0;
            while (sheet.Read(out _)) rows++;
            Assert.Equal(793, rows);
        }

        var cmp = box.Json("compare", "2", "1");
        Assert.Equal(793, cmp.GetProperty("matrix").EnumerateArray().Sum(c => c.GetProperty("customers").GetInt32()));
        Assert.True(cmp.GetProperty("moved_up").GetInt32() + cmp.GetProperty("moved_down").GetInt32() > 0);
    }

    [Fact]
    public void Classify_FromFolder_SameSummaryAsThroughTheStore()
    {
        using var box = new CliSandbox();
        string data = Path.Combine(box.Folder, "data");
        Assert.Equal(0, box.Run("generate", "--customers", "400", "--reps", "10", "--orders", "5000", "--seed", "9", "--out", data).Exit);
        foreach (string kind in new[] { "reps", "customers", "orders", "invoices", "payments", "interactions", "feedback" })
            box.Json("import", kind, Path.Combine(data, kind + ".csv"));
        var viaStore = box.Json("classify", "--no-store");
        var direct = box.Json("classify", "--from", data);
        Assert.Equal(viaStore.GetProperty("customers").GetInt32(), direct.GetProperty("customers").GetInt32());
        Assert.Equal(viaStore.GetProperty("classifiers").ToString(), direct.GetProperty("classifiers").ToString());
        Assert.Equal(JsonValueKind.Null, direct.GetProperty("run").ValueKind);
    }

    [Fact]
    public void Classify_FromFolder_ParsedOrdersEqualMappedOrders()
    {
        // The same orders twice: as generated (summed from bytes) and with every field quoted (which the fast reader
        // leaves to the import's row-by-row mapping); a few rows of each are rejected.
        using var box = new CliSandbox();
        string plain = Path.Combine(box.Folder, "plain"), quoted = Path.Combine(box.Folder, "quoted");
        Assert.Equal(0, box.Run("generate", "--customers", "300", "--reps", "10", "--orders", "6000", "--seed", "4", "--out", plain).Exit);
        var lines = File.ReadAllLines(Path.Combine(plain, "orders.csv")).ToList();
        lines.AddRange(["X1,C0000001,2099-01-01,5,1,Paper,direct", "X2,,2025-01-01,5,1,Paper,direct", "X3,C0000002,2025-01-01,-5,1,Paper,direct"]);
        File.WriteAllLines(Path.Combine(plain, "orders.csv"), lines);
        Directory.CreateDirectory(quoted);
        File.WriteAllLines(Path.Combine(quoted, "orders.csv"), lines.Select(l => string.Join(',', l.Split(',').Select(f => '"' + f + '"'))));
        foreach (string other in Directory.GetFiles(plain).Where(f => Path.GetFileName(f) != "orders.csv")) File.Delete(other);

        string[] scheme = ["classify", "--scheme", Path.Combine(SharedData.RepoRoot, "bench", "classify", "scheme.json"), "--format", "json"];
        var fast = box.Run([.. scheme, "--from", plain, "--results", Path.Combine(box.Folder, "fast.csv")]);
        var mapped = box.Run([.. scheme, "--from", quoted, "--results", Path.Combine(box.Folder, "mapped.csv")]);
        Assert.Equal(0, fast.Exit);
        Assert.Equal(mapped.Stdout, fast.Stdout);
        Assert.Contains("3 row(s) left out as invalid", fast.Stderr);
        Assert.Contains("3 row(s) left out as invalid", mapped.Stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(box.Folder, "mapped.csv")), File.ReadAllBytes(Path.Combine(box.Folder, "fast.csv")));
    }

    [Fact]
    public void Classify_ResultsFile_QuotesKeysClassesAndTagsAsCsv()
    {
        // A key with a comma, a Chinese key, class names with a quote and a comma, and two tags on one customer.
        using var box = new CliSandbox();
        string folder = Path.Combine(box.Folder, "data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "orders.csv"),
            "order_id,customer_id,order_date,amount\nO1,\"K,1\",2025-01-05,500\nO2,客户2,2025-01-06,50\nO3,C3,2025-01-07,10\n");
        string scheme = Path.Combine(box.Folder, "scheme.json");
        File.WriteAllText(scheme, """
            { "name": "quoting", "tier_from": "abc",
              "classifiers": [
                { "name": "abc", "kind": "abc", "indicator": "amount", "classes": ["A \"top\"", "B,中", "C"] },
                { "name": "credit", "kind": "rules", "mode": "all_match", "default": "none",
                  "rules": [ { "then": "big", "when": [ { "indicator": "amount", "op": ">", "value": 0 } ] },
                             { "then": "大客户", "when": [ { "indicator": "amount", "op": ">", "value": 100 } ] } ] } ] }
            """);
        string results = Path.Combine(box.Folder, "results.csv");
        Assert.Equal(0, box.Run("classify", "--from", folder, "--scheme", scheme, "--results", results).Exit);

        // ABC on 500, 50, 10 of 560: cumulative shares before them 0, 0.89, 0.98 → A, B, C. Rows in ordinal key order.
        Assert.Equal(
            [
                "customer_id,tier,segment,lifecycle_stage,tags,abc,credit",
                "C3,C,,,big,C,big",
                "\"K,1\",\"A \"\"top\"\"\",,,big;大客户,\"A \"\"top\"\"\",big;大客户",
                "客户2,\"B,中\",,,big,\"B,中\",big",
            ],
            File.ReadAllLines(results).Select((l, i) => i == 0 ? l.TrimStart('\uFEFF') : l));
    }

    [Fact]
    public void Classify_EmptyStore_SaysWhatToDoAndStoresNothing()
    {
        using var box = new CliSandbox();
        box.Json("init");
        var result = box.Run("classify");
        Assert.Equal(1, result.Exit);
        Assert.Contains("nothing to classify", result.Stderr);
        Assert.Equal(0, box.Json("runs", "list").GetArrayLength());
    }

    [Fact]
    public void Scheme_InitThenCheck_AndBadSchemeNamesTheLine()
    {
        using var box = new CliSandbox();
        string path = Path.Combine(box.Folder, "b2b.json");
        Assert.Equal(0, box.Run("scheme", "init", "--example", "b2b", "--out", path).Exit);
        Assert.Equal(0, box.Run("scheme", "check", path).Exit);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"amount_365\"", "\"amount_999\"", StringComparison.Ordinal));
        var bad = box.Run("scheme", "check", path);
        Assert.Equal(1, bad.Exit);
        Assert.Matches(@"b2b\.json:\d+:\d+: unknown indicator 'amount_999'", bad.Stderr);
    }
}
