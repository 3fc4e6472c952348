using System.Net;
using System.Net.Http.Json;

namespace Allot.Server.Tests.Endpoints;

/// <summary>The pool: contacts masked for reps until they claim; claims within the rules; refusals are 409 with the reason.</summary>
public sealed class PoolEndpointTests : IDisposable
{
    private readonly DemoBook _book;
    private readonly ServerSandbox _server;
    private readonly string[] _released;

    public PoolEndpointTests(DemoBook book)
    {
        _book = book;
        string folder = Path.Combine(Path.GetTempPath(), "allot-pool-rules-" + Guid.NewGuid().ToString("N"));
        _server = new ServerSandbox(book, new Dictionary<string, string> { ["Allot:Rules"] = ServerSandbox.RulesWithManagers(folder, "manager") });
        using (var store = _server.OpenStore())
            _released = [.. store.ReadCustomers().Where(c => c.OwnerRepKey == book.RepA && c.Phone is { Length: > 5 }).Take(2).Select(c => c.Key)];
        _server.Release(_released);
    }

    [Fact]
    public async Task List_AsRep_MasksContacts_AsPoolManager_ShowsThem()
    {
        var rep = await (await (await _server.SignIn("rep-b")).GetAsync("/api/pool")).Json();
        var row = rep.GetProperty("items").EnumerateArray().First(r => r.GetProperty("key").GetString() == _released[0]);
        Assert.True(row.GetProperty("masked").GetBoolean());
        Assert.Contains("*", row.GetProperty("phone").GetString());
        var manager = await (await (await _server.SignIn("manager")).GetAsync("/api/pool")).Json();
        var seen = manager.GetProperty("items").EnumerateArray().First(r => r.GetProperty("key").GetString() == _released[0]);
        Assert.False(seen.GetProperty("masked").GetBoolean());
        Assert.DoesNotContain("*", seen.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Claim_ThenAgain_409AlreadyOwned_AndTheLoserWithinCooldown409()
    {
        var repB = await _server.SignIn("rep-b");
        var claimed = await (await repB.PostAsync($"/api/pool/{_released[0]}/claim", null)).Json();
        Assert.Equal("claimed", claimed.GetProperty("result").GetString());
        using (var store = _server.OpenStore()) Assert.Equal(_book.RepB, store.GetCustomer(_released[0])!.OwnerRepKey);
        var again = await (await repB.PostAsync($"/api/pool/{_released[0]}/claim", null)).Json(HttpStatusCode.Conflict);
        Assert.Equal("already_yours", again.GetProperty("reason").GetString());

        var repA = await _server.SignIn("rep-a"); // lost it on release: the cool-down holds it back
        var cooldown = await (await repA.PostAsync($"/api/pool/{_released[1]}/claim", null)).Json(HttpStatusCode.Conflict);
        Assert.Equal("cool_down", cooldown.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await repA.PostAsJsonAsync($"/api/pool/{_released[1]}/claim", new { rep = _book.RepB })).StatusCode);
    }

    [Fact]
    public async Task Assign_ByPoolManagerToATeamRep_WithoutCooldown()
    {
        var manager = await _server.SignIn("manager");
        var assigned = await (await manager.PostAsJsonAsync($"/api/pool/{_released[1]}/claim", new { rep = _book.RepA })).Json();
        Assert.Equal("assigned", assigned.GetProperty("result").GetString());
        await (await manager.PostAsJsonAsync($"/api/pool/{_released[0]}/claim", new { rep = _book.RepB })).Json(HttpStatusCode.NotFound);
    }

    public void Dispose() => _server.Dispose();
}
