using System.Net;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Customer search and detail within each role's scope.</summary>
public sealed class CustomerEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Search_AsRep_ReturnsOnlyItsOwnCustomers()
    {
        var client = await _server.SignIn("rep-a");
        var page = await (await client.GetAsync("/api/customers?page_size=500")).Json();
        var owners = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("owner").GetString()).ToList();
        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal(book.RepA, o));
        using var store = _server.OpenStore();
        Assert.Equal(store.ReadCustomers().Count(c => c.OwnerRepKey == book.RepA), owners.Count);
        // Each row carries its tier, segment and stage from the latest classification run.
        long run = store.GetClassificationRuns(1).Single().Id;
        foreach (var row in page.GetProperty("items").EnumerateArray())
        {
            var stored = store.GetClassification(run, row.GetProperty("key").GetString()!)!;
            Assert.Equal((stored.Tier, stored.Segment, stored.LifecycleStage),
                (row.GetProperty("tier").GetString(), row.GetProperty("segment").GetString(), row.GetProperty("stage").GetString()));
        }
    }

    [Fact]
    public async Task Detail_OfAnotherRepsCustomer_Is404LikeAMissingOne()
    {
        string other;
        using (var store = _server.OpenStore()) other = store.ReadCustomers().First(c => c.OwnerRepKey == book.RepB).Key;
        var client = await _server.SignIn("rep-a");
        var problem = await (await client.GetAsync($"/api/customers/{other}")).Json(HttpStatusCode.NotFound);
        Assert.Equal($"no customer '{other}'", problem.GetProperty("detail").GetString());
        var admin = await _server.SignIn("admin");
        var detail = await (await admin.GetAsync($"/api/customers/{other}")).Json();
        Assert.Equal(other, detail.GetProperty("customer").GetProperty("key").GetString());
        // The run's indicator figures for this customer, named.
        using var look = _server.OpenStore();
        var run = look.GetClassificationRuns(1).Single();
        var stored = look.GetClassification(run.Id, other)!;
        var indicators = detail.GetProperty("indicators");
        Assert.Equal(stored.Revenue, indicators.GetProperty("amount").GetDouble());
        Assert.NotEmpty(run.FigureNames);
        Assert.Equal(run.FigureNames.Count + 1, indicators.EnumerateObject().Count());
        Assert.Equal(run.AsOf.ToString("yyyy-MM-dd"), detail.GetProperty("indicators_as_of").GetString());
    }

    [Fact]
    public async Task Search_PagesAndRefusesAnOversizePage()
    {
        var client = await _server.SignIn("admin");
        var first = await (await client.GetAsync("/api/customers?page_size=100")).Json();
        var second = await (await client.GetAsync("/api/customers?page_size=100&page=2")).Json();
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(100, first.GetProperty("items").GetArrayLength());
        Assert.True(string.CompareOrdinal(first.GetProperty("items")[99].GetProperty("key").GetString(), second.GetProperty("items")[0].GetProperty("key").GetString()) < 0);
        await (await client.GetAsync("/api/customers?page_size=100000")).Json(HttpStatusCode.BadRequest);
    }

    public void Dispose() => _server.Dispose();
}
