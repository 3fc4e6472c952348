using System.Text.Json;
using Allot.Tests.Shared;

namespace Allot.Cli.Tests;

public sealed class ValueTests
{
    private static CliSandbox CdnowStore()
    {
        var box = new CliSandbox();
        box.Json("import", "orders", SharedData.File("cdnow", "CDNOW_sample.txt"), "--preset", "cdnow");
        return box;
    }

    private static double Param(JsonElement fit, string name) => fit.GetProperty("params").GetProperty(name).GetDouble();

    [Fact]
    public void Fit_CdnowSampleImport_JsonMatchesPublishedBgNbdAndGammaGamma()
    {
        using var box = CdnowStore();
        var fit = box.Json("value", "fit", "--calibration-end", "1997-09-30");
        Assert.Equal("bgnbd", fit.GetProperty("model").GetString());
        Assert.Equal(0.243, Param(fit, "r"), 0.0005);
        Assert.Equal(4.414, Param(fit, "alpha"), 0.0005);
        Assert.Equal(0.793, Param(fit, "a"), 0.0005);
        Assert.Equal(2.426, Param(fit, "b"), 0.0005);
        Assert.Equal(-9582.4, fit.GetProperty("logLikelihood").GetDouble(), 0.05);
        Assert.Equal(2357, fit.GetProperty("customers").GetInt32());
        Assert.True(fit.GetProperty("converged").GetBoolean());
        Assert.True(fit.GetProperty("standardErrors").GetProperty("r").GetDouble() > 0);
        Assert.Equal("week", fit.GetProperty("unit").GetString());
        var spend = fit.GetProperty("spend");
        Assert.Equal((6.25, 3.74, 15.44), (Math.Round(Param(spend, "p"), 2), Math.Round(Param(spend, "q"), 2), Math.Round(Param(spend, "gamma"), 2)));
        Assert.Equal(946, spend.GetProperty("customers").GetInt32());
        Assert.Equal(1, fit.GetProperty("run").GetInt64());
        Assert.Equal(0.11, fit.GetProperty("frequencySpendCorrelation").GetDouble(), 0.005);

        var pareto = box.Json("value", "fit", "--calibration-end", "1997-09-30", "--model", "pareto-nbd", "--no-store");
        Assert.Equal((0.553, 10.578, 0.606), (Math.Round(Param(pareto, "r"), 3), Math.Round(Param(pareto, "alpha"), 3), Math.Round(Param(pareto, "s"), 3)));
        Assert.Equal(-9595.0, pareto.GetProperty("logLikelihood").GetDouble(), 0.05);
        Assert.Equal(JsonValueKind.Null, pareto.GetProperty("run").ValueKind);
    }

    [Fact]
    public void ShowAndChurn_AfterFit_ReadTheStoredRun()
    {
        using var box = CdnowStore();
        box.Json("value", "fit", "--calibration-end", "1997-09-30");
        // FHL's spreadsheet: customer 1 (x = 2, tₓ = 30.43, T = 38.86) expects 1.226 purchases in the next 39 weeks.
        var shown = box.Json("value", "show", "0001", "--horizon", "39w");
        Assert.Equal(1.226, shown.GetProperty("exp_purchases_273d").GetDouble(), 0.001);
        Assert.Equal(2, shown.GetProperty("x").GetInt32());
        Assert.Equal(22.35m, shown.GetProperty("mean_repeat_spend").GetDecimal());
        var distribution = shown.GetProperty("p_purchases_273d").EnumerateObject().Sum(p => p.Value.GetDouble());
        Assert.Equal(1.0, distribution, 4);

        var churn = box.Json("value", "churn", "--limit", "10").EnumerateArray().ToList();
        Assert.Equal(10, churn.Count);
        Assert.Equal(Enumerable.Range(1, 10), churn.Select(c => c.GetProperty("rank").GetInt32()));
        var atRisk = churn.Select(c => c.GetProperty("value_at_risk").GetDecimal()).ToList();
        Assert.Equal(atRisk.OrderByDescending(v => v), atRisk);
        Assert.All(churn, c => Assert.True(c.GetProperty("p_alive").GetDouble() < 0.5));
        var strict = box.Json("value", "churn", "--threshold", "0.1", "--limit", "1000").EnumerateArray().ToList();
        Assert.All(strict, c => Assert.True(c.GetProperty("p_alive").GetDouble() < 0.1));
        Assert.True(strict.Count < box.Json("value", "churn", "--limit", "1000").GetArrayLength());
    }

    [Fact]
    public void Fit_DonationsSummary_BgBbMatchesFaderHardieShang()
    {
        using var box = new CliSandbox();
        var fit = box.Json("value", "fit", "--model", "bgbb", "--summary", SharedData.File("cdnow", "donations.csv"));
        Assert.Equal((1.204, 0.750, 0.657, 2.783), (Math.Round(Param(fit, "alpha"), 3), Math.Round(Param(fit, "beta"), 3), Math.Round(Param(fit, "gamma"), 3), Math.Round(Param(fit, "delta"), 3)));
        Assert.Equal(-33225.6, fit.GetProperty("logLikelihood").GetDouble(), 0.05);
        Assert.Equal(11104, fit.GetProperty("customers").GetInt32());
        Assert.False(File.Exists(box.Db)); // a summary file needs no store
    }

    [Fact]
    public void Fit_OrdersFileAndGammaGamma_NoStoreNeeded()
    {
        using var box = new CliSandbox();
        string path = box.WriteFile("purchases.csv", "customer_id,date,amount\nA,2024-01-01,10\nA,2024-01-15,20\nA,2024-02-01,30\nB,2024-01-05,5\nB,2024-01-05,7\nC,2024-02-20,9\nD,x,1\n");
        var result = box.Run("value", "fit", "--orders", path, "--format", "json", "--unit", "day");
        Assert.Equal(0, result.Exit);
        var fit = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(3, fit.GetProperty("customers").GetInt32());
        Assert.Equal("day", fit.GetProperty("unit").GetString());
        Assert.Contains("1 row(s) left out", result.Stderr);
        Assert.False(File.Exists(box.Db));
        var gg = box.Json("value", "fit", "--model", "gamma-gamma", "--summary", SharedData.File("cdnow", "cdnow_customers_summary_with_transactions.csv"));
        // The file's zbar is rounded to cents, so the estimates move in the last printed digit (γ 15.45).
        Assert.Equal(6.25, Param(gg, "p"), 0.01);
        Assert.Equal(3.74, Param(gg, "q"), 0.01);
        Assert.Equal(15.44, Param(gg, "gamma"), 0.015);
        Assert.Equal(-4055.9, gg.GetProperty("logLikelihood").GetDouble(), 0.1);
    }

    [Theory]
    [InlineData("--model", "bogus", "--model")]
    [InlineData("--unit", "fortnight", "--unit")]
    [InlineData("--threshold", "2", "threshold")]
    [InlineData("--horizon", "12x", "--horizon")]
    [InlineData("--basis", "future", "--basis")]
    [InlineData("--calibration-end", "notadate", "calibration-end")]
    public void Fit_BadOption_ExitTwoWithClearMessage(string option, string value, string mentioned)
    {
        using var box = new CliSandbox();
        var result = box.Run("value", "fit", option, value);
        Assert.Equal(2, result.Exit);
        Assert.Contains(mentioned, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Value_NothingToWorkOn_ClearErrors()
    {
        using var box = new CliSandbox();
        var twoSources = box.Run("value", "fit", "--from", box.Folder, "--orders", "x.csv");
        Assert.Equal(2, twoSources.Exit);
        Assert.Contains("at most one", twoSources.Stderr);
        box.Json("init");
        var noRun = box.Run("value", "churn");
        Assert.Equal(1, noRun.Exit);
        Assert.Contains("no value run yet", noRun.Stderr);
        var noOrders = box.Run("value", "fit");
        Assert.Equal(1, noOrders.Exit);
        Assert.Contains("no orders", noOrders.Stderr);
        Assert.DoesNotContain("   at ", noOrders.Stderr + noRun.Stderr);
        Assert.Equal(2, box.Run("value", "report").Exit); // --out is required
    }

    [Fact]
    public void Report_CdnowWithHoldout_SelfContainedHtmlWithBothCharts()
    {
        using var box = CdnowStore();
        string path = Path.Combine(box.Folder, "value.html");
        var result = box.Run("value", "report", "--calibration-end", "1997-09-30", "--out", path);
        Assert.Equal(0, result.Exit);
        string html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.True(html.Split("<svg").Length - 1 >= 3, "tracking (cumulative and weekly) and holdout charts");
        Assert.Contains("Cumulative repeat purchases", html);
        Assert.Contains("Conditional expectations", html);
        Assert.Contains("7+", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
    }

    [Fact]
    public void Classify_SchemeReadingValueIndicators_ComputesThem()
    {
        using var box = CdnowStore();
        string scheme = box.WriteFile("value.json", """
            { "name": "value", "tier_from": "clv",
              "classifiers": [ { "name": "clv", "kind": "abc", "indicator": "clv_12m", "thresholds": [0.8, 0.95], "classes": ["A", "B", "C"] } ] }
            """);
        var run = box.Json("classify", "--scheme", scheme, "--as-of", "1997-09-30", "--no-store");
        Assert.Equal(2357, run.GetProperty("customers").GetInt32());
        var classes = run.GetProperty("classifiers")[0].GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal(2357, classes.Sum(c => c.GetProperty("customers").GetInt32()));
        var indicators = box.Json("indicators", "--customer", "0001", "--as-of", "1997-09-30");
        Assert.InRange(indicators.GetProperty("p_alive").GetDouble(), 0, 1);
        Assert.True(indicators.GetProperty("clv_12m").GetDouble() > 0);
    }

    [Fact]
    public void Fit_SuperstoreWithoutDropout_WarnsThatTheFitIsAtABoundary()
    {
        // Superstore's customers keep buying for four years: BG/NBD's dropout probability runs to 0.
        using var box = new CliSandbox();
        box.Json("import", "orders", SharedData.File("superstore", "Sample - Superstore.csv"), "--preset", "superstore");
        var result = box.Run("value", "fit", "--calibration-end", "2019-06-30", "--format", "json");
        Assert.Equal(0, result.Exit);
        var fit = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.False(fit.GetProperty("converged").GetBoolean());
        Assert.True(Param(fit, "a") < 1e-3);
        Assert.Contains("did not reach an interior maximum", result.Stderr);
        Assert.Contains("6 customer(s) whose first order is after the calibration end", result.Stderr);
    }

    [Fact]
    public void ShowTopChurnWarnings_ForTheDemo_StoresARunAndPrintsTheTop()
    {
        using var box = CdnowStore();
        var root = new System.CommandLine.RootCommand();
        root.Options.Add(GlobalOptions.Format);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ctx = new CliContext(root.Parse(["--format", "json"]), stdout, stderr);
        using (var store = Storage.Sqlite.SqliteStore.Open(box.Db, create: false))
            Assert.Equal(1, Commands.ValueCommand.ShowTopChurnWarnings(ctx, store, "demo", limit: 5));
        var rows = JsonDocument.Parse(stdout.ToString()).RootElement.EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Contains("churn warning(s)", stderr.ToString());
        Assert.Equal(rows.Select(r => r.GetProperty("customer").GetString()),
            box.Json("value", "churn", "--limit", "5").EnumerateArray().Select(r => r.GetProperty("customer").GetString()));
    }
}
