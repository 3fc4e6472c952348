using System.Net;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Value runs and churn warnings through the API, held against the CLI and the store.</summary>
public sealed class ValueEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Fit_AsManager_StoresAValueRunWithTheCliFit()
    {
        var cli = AllotCli.Json(_server.Db, "value", "fit", "--no-store");
        var manager = await _server.SignIn("manager");
        var fit = await (await manager.PostAsync("/api/value/runs", null)).Json(HttpStatusCode.Created);
        long run = fit.GetProperty("run").GetInt64();
        Assert.Equal("bgnbd", fit.GetProperty("model").GetString());
        foreach (var p in cli.GetProperty("params").EnumerateObject())
            Assert.Equal(p.Value.GetDouble(), fit.GetProperty("params").GetProperty(p.Name).GetDouble(), 9);
        Assert.Equal(cli.GetProperty("churnWarnings").GetInt32(), fit.GetProperty("warnings").GetInt32());
        using var store = _server.OpenStore();
        var info = store.GetValueRuns(1).Single();
        Assert.Equal(run, info.Id);
        Assert.Equal("manager", info.By);
        Assert.Equal(info.Run.Customers, fit.GetProperty("customers").GetInt32());
        var runs = await (await manager.GetAsync("/api/value/runs")).Json();
        Assert.Equal(run, runs.GetProperty("items")[0].GetProperty("id").GetInt64());
        var rep = await _server.SignIn("rep-a");
        await (await rep.PostAsync("/api/value/runs", null)).Json(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Churn_AsRep_ListsOnlyItsCustomersByValueAtRisk()
    {
        using var store = _server.OpenStore();
        var mine = store.ReadCustomers().Where(c => c.OwnerRepKey == book.RepA).Select(c => c.Key).ToHashSet();
        var value = store.GetValueRuns(1).Single();
        var expected = store.GetChurnWarnings(value.Id, int.MaxValue).Where(w => mine.Contains(w.CustomerKey)).ToList();
        var rep = await _server.SignIn("rep-a");
        var page = await (await rep.GetAsync($"/api/value/churn?run={value.Id}&page_size=500")).Json();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Select(w => w.CustomerKey), items.Select(w => w.GetProperty("customer").GetString()));
        var admin = await _server.SignIn("admin");
        var all = await (await admin.GetAsync("/api/value/churn?page_size=500")).Json();
        Assert.Equal(value.Run.Warnings, all.GetProperty("items").GetArrayLength());
        await (await admin.GetAsync("/api/value/churn?run=999")).Json(HttpStatusCode.NotFound);
    }

    public void Dispose() => _server.Dispose();
}
