using System.Net;

namespace Allot.Server.Tests.Endpoints;

/// <summary>The landing page's figures, held against the store's latest runs.</summary>
public sealed class DashboardEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Dashboard_AsAdmin_MatchesTheLatestRuns()
    {
        using var store = _server.OpenStore();
        var run = store.GetClassificationRuns(1).Single();
        var rows = store.ReadClassifications(run.Id).ToList();
        var admin = await _server.SignIn("admin");
        var d = await (await admin.GetAsync("/api/dashboard")).Json();

        Assert.Equal(run.Id, d.GetProperty("classification_run").GetProperty("id").GetInt64());
        Assert.Equal(rows.Count, d.GetProperty("customers").GetInt32());
        var tiers = d.GetProperty("tiers").EnumerateArray().ToList();
        Assert.Equal(run.TierClasses.Where(t => rows.Any(r => r.Tier == t)), tiers.Select(t => t.GetProperty("tier").GetString()));
        foreach (var t in tiers)
            Assert.Equal(rows.Count(r => r.Tier == t.GetProperty("tier").GetString()), t.GetProperty("customers").GetInt32());
        Assert.Equal(1, tiers.Sum(t => t.GetProperty("revenue_share").GetDouble()), 4);

        var pareto = d.GetProperty("pareto").EnumerateArray().Select(p => (C: p.GetProperty("customer_share").GetDouble(), R: p.GetProperty("revenue_share").GetDouble())).ToList();
        Assert.Equal(101, pareto.Count);
        Assert.Equal((0.0, 0.0), pareto[0]);
        Assert.Equal((1.0, 1.0), pareto[^1]);
        Assert.True(pareto.Zip(pareto.Skip(1)).All(p => p.Second.R >= p.First.R), "the curve never falls");
        // The top fifth of customers by revenue, straight from the stored revenue.
        var byRevenue = rows.Select(r => Math.Max(0, r.Revenue)).OrderDescending().ToList();
        Assert.Equal(byRevenue.Take(60).Sum() / byRevenue.Sum(), pareto[20].R, 5);

        var lifecycle = d.GetProperty("lifecycle").EnumerateArray().ToList();
        Assert.Equal(["potential", "new", "growing", "mature", "declining", "dormant", "lost"], lifecycle.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(rows.Count(r => r.LifecycleStage == "dormant"), lifecycle[5].GetProperty("customers").GetInt32());

        var rfm = d.GetProperty("rfm");
        Assert.Equal("rfm", rfm.GetProperty("classifier").GetString());
        var cells = rfm.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(25, cells.Count);
        var buyers = rows.Select(r => r.Classes.Single(c => c.Classifier == "rfm")).Where(c => c.Numbers.ContainsKey("r")).ToList();
        Assert.Equal(buyers.Count, cells.Sum(c => c.GetProperty("customers").GetInt32()));
        var champions = buyers.Where(c => c.Numbers["r"] == 5 && c.Numbers["f"] == 5).ToList();
        var cell55 = cells.Single(c => c.GetProperty("r").GetInt32() == 5 && c.GetProperty("f").GetInt32() == 5);
        Assert.Equal(champions.Count, cell55.GetProperty("customers").GetInt32());
        if (champions.Count > 0) Assert.Equal(champions.Average(c => c.Numbers["amount"]), cell55.GetProperty("mean_monetary").GetDouble(), 2);

        var value = store.GetValueRuns(1).Single();
        Assert.Equal(value.Id, d.GetProperty("value_run").GetProperty("id").GetInt64());
        Assert.Equal(store.GetChurnWarnings(value.Id, 10).Select(w => w.CustomerKey), d.GetProperty("churn").EnumerateArray().Select(w => w.GetProperty("customer").GetString()));
    }

    [Fact]
    public async Task Dashboard_AsRep_CoversOnlyItsOwnCustomers()
    {
        using var store = _server.OpenStore();
        var mine = store.ReadCustomers().Where(c => c.OwnerRepKey == book.RepA).Select(c => c.Key).ToHashSet();
        var run = store.GetClassificationRuns(1).Single();
        var value = store.GetValueRuns(1).Single();
        var rep = await _server.SignIn("rep-a");
        var d = await (await rep.GetAsync("/api/dashboard")).Json();
        Assert.Equal(store.ReadClassifications(run.Id).Count(c => mine.Contains(c.CustomerKey)), d.GetProperty("customers").GetInt32());
        Assert.Equal(store.GetChurnWarnings(value.Id, int.MaxValue).Where(w => mine.Contains(w.CustomerKey)).Take(10).Select(w => w.CustomerKey),
            d.GetProperty("churn").EnumerateArray().Select(w => w.GetProperty("customer").GetString()));
        var anonymous = _server.Anonymous();
        await (await anonymous.GetAsync("/api/dashboard")).Json(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => _server.Dispose();
}
