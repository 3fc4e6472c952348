using System.Net;
using System.Net.Http.Json;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Users added by an admin, and tokens a user makes for itself.</summary>
public sealed class UserEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Add_NewRepUserSignsIn_SameNameAgainIs409_BadRoleIs400()
    {
        var admin = await _server.SignIn("admin");
        var added = await (await admin.PostAsJsonAsync("/api/users", new { name = "rep-c", role = "rep", rep = book.RepB, password = DemoBook.Password })).Json(HttpStatusCode.Created);
        Assert.Equal(("rep", book.RepB), (added.GetProperty("role").GetString(), added.GetProperty("rep").GetString()));
        var me = await (await (await _server.SignIn("rep-c")).GetAsync("/api/auth/me")).Json();
        Assert.Equal("rep-c", me.GetProperty("name").GetString());
        await (await admin.PostAsJsonAsync("/api/users", new { name = "REP-C", role = "admin", password = DemoBook.Password })).Json(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync("/api/users", new { name = "x", role = "boss", password = DemoBook.Password })).Json(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/users", new { name = "y", role = "rep", password = DemoBook.Password })).Json(HttpStatusCode.BadRequest);
        var users = await (await admin.GetAsync("/api/users")).Json();
        Assert.Contains("rep-c", users.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task CreateToken_ShownOnceWorksAsBearerForItsOwnUser()
    {
        var rep = await _server.SignIn("rep-a");
        var created = await (await rep.PostAsJsonAsync("/api/auth/tokens", new { label = "script", days = 7 })).Json(HttpStatusCode.Created);
        string token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("allot_", token);
        var me = await (await _server.WithToken(token).GetAsync("/api/auth/me")).Json();
        Assert.Equal(("rep-a", true), (me.GetProperty("name").GetString(), me.GetProperty("via_token").GetBoolean()));
        using var store = _server.OpenStore();
        Assert.Equal("script", Assert.Single(store.GetApiTokens("rep-a")).Label);
    }

    public void Dispose() => _server.Dispose();
}
