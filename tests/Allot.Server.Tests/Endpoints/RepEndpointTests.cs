using System.Net;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Reps in scope with their books from the latest runs.</summary>
public sealed class RepEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task List_AsRepItselfOnly_AsManagerItsTeam_AsAdminEveryRep()
    {
        using var store = _server.OpenStore();
        var reps = store.GetReps();
        var mine = await (await (await _server.SignIn("rep-a")).GetAsync("/api/reps")).Json();
        var only = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(book.RepA, only.GetProperty("key").GetString());
        Assert.Equal(store.ReadCustomers().Count(c => c.OwnerRepKey == book.RepA), only.GetProperty("customers").GetInt64());
        Assert.Equal(only.GetProperty("customers").GetInt64(), only.GetProperty("tiers").EnumerateObject().Sum(t => t.Value.GetInt64()));

        var team = await (await (await _server.SignIn("manager")).GetAsync("/api/reps?page_size=500")).Json();
        Assert.Equal(reps.Where(r => r.Team == book.Team).Select(r => r.Key), team.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        var all = await (await (await _server.SignIn("admin")).GetAsync("/api/reps?page_size=500")).Json();
        Assert.Equal(reps.Count, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Detail_TiersAndValueAddUp_OtherTeamsRepIs404()
    {
        var manager = await _server.SignIn("manager");
        var detail = await (await manager.GetAsync($"/api/reps/{book.RepA}")).Json();
        var tiers = detail.GetProperty("tiers").EnumerateArray().ToList();
        Assert.Equal(detail.GetProperty("customers").GetInt64(), tiers.Sum(t => t.GetProperty("customers").GetInt64()));
        Assert.Equal(detail.GetProperty("value").GetDouble(), tiers.Sum(t => t.GetProperty("value").GetDouble()), 6);
        Assert.True(detail.GetProperty("value").GetDouble() > 0, "the demo book has a value run");
        await (await manager.GetAsync($"/api/reps/{book.RepB}")).Json(HttpStatusCode.NotFound);
    }

    public void Dispose() => _server.Dispose();
}
