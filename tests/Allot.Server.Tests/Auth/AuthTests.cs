using System.Net;
using System.Net.Http.Json;
using Allot.Core.Access;

namespace Allot.Server.Tests.Auth;

/// <summary>Sign-in, tokens, anti-forgery, rate limiting and forged or expired credentials.</summary>
public sealed class AuthTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Health_NeedsNoUserAndSaysUsersExist()
    {
        var health = await (await _server.Anonymous().GetAsync("/api/health")).Json();
        Assert.True(health.GetProperty("has_users").GetBoolean());
        Assert.Equal(Allot.Storage.Migrations.Migrator.LatestVersion, health.GetProperty("schema_version").GetInt32());
    }

    [Fact]
    public async Task Api_WithoutSession_Is401ProblemNotRedirect()
    {
        var response = await _server.Anonymous().GetAsync("/api/customers");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_ThenMe_ShowsRoleAndRep()
    {
        var client = await _server.SignIn("rep-a");
        var me = await (await client.GetAsync("/api/auth/me")).Json();
        Assert.Equal(("rep-a", "rep", book.RepA), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString(), me.GetProperty("rep").GetString()));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        var client = _server.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { name = "admin", password = DemoBook.Password });
        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Contains("X-XSRF-TOKEN", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_ThenTooManyAttemptsEvenWithTheRightOne()
    {
        for (int i = 0; i < 5; i++)
        {
            var wrong = await TryLogin("manager", "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var blocked = await TryLogin("manager", DemoBook.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter is not null);
        // Another user from the same address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await TryLogin("admin", DemoBook.Password)).StatusCode);
    }

    [Fact]
    public async Task ForgedCookie_Is401()
    {
        var client = _server.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", "allot.session=CfDJ8forgedforgedforged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/customers")).StatusCode);
    }

    [Fact]
    public async Task Token_WorksUntilRevokedOrExpired()
    {
        string token = ApiToken.Create();
        string expired = ApiToken.Create();
        long id;
        using (var store = _server.OpenStore())
        {
            id = store.AddApiToken("admin", "script", ApiToken.Hash(token), null);
            store.AddApiToken("admin", "old", ApiToken.Hash(expired), DateTimeOffset.UtcNow.AddMinutes(-1));
        }
        var me = await (await _server.WithToken(token).GetAsync("/api/auth/me")).Json();
        Assert.True(me.GetProperty("via_token").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.WithToken(expired).GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.WithToken("allot_nonsense").GetAsync("/api/auth/me")).StatusCode);
        using (var store = _server.OpenStore()) store.RevokeApiToken("admin", id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.WithToken(token).GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task DisabledUser_IsSignedOutOnItsNextRequest()
    {
        var client = await _server.SignIn("rep-b");
        using (var store = _server.OpenStore())
            store.UpdateUser(store.GetUser("rep-b")!.User with { Disabled = true }, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task OversizeJsonBody_Is413Problem()
    {
        var client = _server.Anonymous();
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token.GetProperty("token").GetString());
        var response = await client.PostAsJsonAsync("/api/auth/login", new { name = "admin", password = new string('x', 2 * 1024 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheApi()
    {
        var doc = await (await _server.Anonymous().GetAsync("/openapi/v1.json")).Json();
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/customers", out _));
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
    }

    private async Task<HttpResponseMessage> TryLogin(string name, string password)
    {
        var client = _server.Anonymous();
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token.GetProperty("token").GetString());
        return await client.PostAsJsonAsync("/api/auth/login", new { name, password });
    }

    public void Dispose() => _server.Dispose();
}
