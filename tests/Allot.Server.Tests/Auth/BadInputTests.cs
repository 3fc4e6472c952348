using System.Net;
using System.Net.Http.Json;
using Allot.Core.Access;

namespace Allot.Server.Tests.Auth;

/// <summary>Hostile or broken requests: too large, forged, expired, without the anti-forgery header, markup in data,
/// malformed uploads. Each gets a problem and changes nothing.</summary>
public sealed class BadInputTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task OversizeJsonBody_Is413ProblemAndNothingChanged()
    {
        var admin = await _server.SignIn("admin");
        var response = await admin.PostAsJsonAsync("/api/users", new { name = "huge", role = "admin", password = new string('x', 2_000_000) });
        var problem = await response.Json(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("accepted here", problem.GetProperty("detail").GetString());
        using var store = _server.OpenStore();
        Assert.Null(store.GetUser("huge"));
    }

    [Fact]
    public async Task ScriptTagInCustomerName_ImportedAndReturnedVerbatimAsJsonText()
    {
        const string Name = "<script>alert('x')</script> & \"Co\"";
        var manager = await _server.SignIn("admin");
        var import = await (await manager.PostAsync("/api/imports/customers",
            Answers.File("xss.csv", "customer_id,name\nXSS-1,\"<script>alert('x')</script> & \"\"Co\"\"\"\n"))).Json();
        Assert.Equal(1, import.GetProperty("imported").GetInt64());
        var response = await manager.GetAsync("/api/customers/XSS-1");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var detail = await response.Json();
        Assert.Equal(Name, detail.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ForgedCookie_OnAWrite_Is401OrRefusedAndNothingChanged()
    {
        var client = _server.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", "allot.session=CfDJ8forgedforgedforged");
        var response = await client.PostAsJsonAsync("/api/users", new { name = "forged", role = "admin", password = DemoBook.Password });
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
        using var store = _server.OpenStore();
        Assert.Null(store.GetUser("forged"));
    }

    [Fact]
    public async Task ExpiredToken_Is401AndNothingChanged()
    {
        string token = ApiToken.Create();
        using (var store = _server.OpenStore()) store.AddApiToken("admin", "old", ApiToken.Hash(token), DateTimeOffset.UtcNow.AddSeconds(-1));
        var client = _server.WithToken(token);
        var response = await client.PostAsJsonAsync("/api/users", new { name = "expired", role = "admin", password = DemoBook.Password });
        await response.Json(HttpStatusCode.Unauthorized);
        using (var store = _server.OpenStore()) Assert.Null(store.GetUser("expired"));
    }

    [Fact]
    public async Task PostWithCookieButNoAntiforgeryHeader_Is400AndNothingChanged()
    {
        var admin = await _server.SignIn("admin");
        admin.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        var problem = await (await admin.PostAsJsonAsync("/api/users", new { name = "csrf", role = "admin", password = DemoBook.Password })).Json(HttpStatusCode.BadRequest);
        Assert.Contains("X-XSRF-TOKEN", problem.GetProperty("detail").GetString());
        int imports;
        using (var store = _server.OpenStore()) imports = store.GetImports(1000).Count;
        await (await admin.PostAsync("/api/imports/customers", Answers.File("c.csv", "customer_id,name\nCSRF-1,x\n"))).Json(HttpStatusCode.BadRequest);
        using (var store = _server.OpenStore())
        {
            Assert.Null(store.GetUser("csrf"));
            Assert.Null(store.GetCustomer("CSRF-1"));
            Assert.Equal(imports, store.GetImports(1000).Count);
        }
    }

    public static TheoryData<string, string> MalformedUploads() => new()
    {
        { "not multipart", "multipart/form-data" },
        { "no file", "no file" },
        { "unknown kind", "unknown kind 'widgets'" },
        { "binary garbage", "nothing was imported" },
        { "bad encoding option", "unknown encoding" },
        { "preset for customers", "imports orders" },
    };

    [Theory]
    [MemberData(nameof(MalformedUploads))]
    public async Task MalformedUpload_Is400ProblemAndNothingChanged(string what, string expected)
    {
        var manager = await _server.SignIn("manager");
        byte[] garbage = new byte[64 * 1024];
        new Random(6).NextBytes(garbage);
        HttpContent content = what switch
        {
            "not multipart" => JsonContent.Create(new { file = "customer_id,name\nX,y\n" }),
            "no file" => Answers.Files([], ("encoding", "utf-8")),
            "binary garbage" => Answers.Files([("good.csv", "customer_id,name\nGOOD-1,fine\n"u8.ToArray()), ("garbage.csv", garbage)]),
            "bad encoding option" => Answers.File("c.csv", "customer_id,name\nGOOD-1,fine\n", ("encoding", "klingon")),
            "preset for customers" => Answers.File("c.csv", "customer_id,name\nGOOD-1,fine\n", ("preset", "cdnow")),
            _ => Answers.File("c.csv", "customer_id,name\nGOOD-1,fine\n"),
        };
        int imports;
        using (var store = _server.OpenStore()) imports = store.GetImports(1000).Count;
        var problem = await (await manager.PostAsync(what == "unknown kind" ? "/api/imports/widgets" : "/api/imports/customers", content)).Json(HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("allot-upload-", problem.GetProperty("detail").GetString()); // no temporary paths
        using (var store = _server.OpenStore())
        {
            Assert.Null(store.GetCustomer("GOOD-1"));
            Assert.Equal(imports, store.GetImports(1000).Count);
        }
    }

    public void Dispose() => _server.Dispose();
}
