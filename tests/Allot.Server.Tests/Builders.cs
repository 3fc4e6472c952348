extern alias cli;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllotApp = cli::Allot.Cli.AllotApp;
using Allot.Core.Access;
using Allot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

[assembly: AssemblyFixture(typeof(Allot.Server.Tests.DemoBook))]

namespace Allot.Server.Tests;

/// <summary>One demo book for the whole test assembly (`allot demo`: 300 customers, 10 reps in teams, orders,
/// a classification run, a value run and an applied allocation), with users of every role. Tests that change the
/// store work on a copy (<see cref="ServerSandbox"/>).</summary>
public sealed class DemoBook : IDisposable
{
    public const string Password = "correct horse battery";

    public DemoBook()
    {
        Folder = Path.Combine(Path.GetTempPath(), "allot-server-" + Guid.NewGuid().ToString("N"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run(["demo", "--dir", Folder, "--customers", "300", "--orders", "3000", "--reps", "10", "--quiet"], stdout, stderr);
        if (exit != 0) throw new InvalidOperationException("allot demo failed: " + stderr);
        Db = Path.Combine(Folder, "allot.db");
        using var store = StoreFactory.Open(Db, create: false, TimeProvider.System);
        var reps = store.GetReps();
        var owners = store.ReadCustomers().Where(c => c.OwnerRepKey is not null).GroupBy(c => c.OwnerRepKey!).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        RepA = owners[0];
        RepB = owners.First(k => reps.First(r => r.Key == k).Team != reps.First(r => r.Key == RepA).Team);
        Team = reps.First(r => r.Key == RepA).Team!;
        string hash = PasswordHash.Create(Password);
        store.AddUser(new User { Name = "admin", Role = Role.Admin }, hash, "tests");
        store.AddUser(new User { Name = "manager", Role = Role.Manager, Team = Team }, hash, "tests");
        store.AddUser(new User { Name = "rep-a", Role = Role.Rep, RepKey = RepA }, hash, "tests");
        store.AddUser(new User { Name = "rep-b", Role = Role.Rep, RepKey = RepB }, hash, "tests");
    }

    public string Folder { get; }

    /// <summary>The master store; copy it before changing anything.</summary>
    public string Db { get; }

    /// <summary>The rep with most customers; user <c>rep-a</c>; in the manager's team.</summary>
    public string RepA { get; }

    /// <summary>A rep of another team; user <c>rep-b</c>.</summary>
    public string RepB { get; }

    /// <summary>The team user <c>manager</c> leads (RepA's).</summary>
    public string Team { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The real server (<c>WebApplicationFactory&lt;Program&gt;</c>) on a copy of the demo store.</summary>
internal sealed class ServerSandbox : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="book">The demo book to copy.</param>
    /// <param name="settings">More configuration (e.g. <c>Allot:Rules</c>).</param>
    public ServerSandbox(DemoBook book, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Book = book;
        _folder = Path.Combine(Path.GetTempPath(), "allot-sandbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Db = Path.Combine(_folder, "allot.db");
        File.Copy(book.Db, Db);
    }

    public DemoBook Book { get; }

    /// <summary>This sandbox's own store.</summary>
    public string Db { get; }

    /// <summary>The store, opened for a look or a change behind the server's back.</summary>
    public IStore OpenStore() => StoreFactory.Open(Db, create: false, TimeProvider.System);

    /// <summary>A folder of this sandbox's own for files the test writes (deleted with it).</summary>
    public string Folder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Allot:Db", Db);
        builder.UseSetting("Allot:DailyAt", DailyAt);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>Returns customers to the pool (released by "tests" under the built-in rules), as if reclaimed.</summary>
    public void Release(params string[] keys)
    {
        var rules = Allot.Core.Maintenance.RulesParser.Parse(Allot.Core.Maintenance.DefaultRules.Text, "defaults");
        using var store = OpenStore();
        using var session = store.BeginMaintenance();
        foreach (string key in keys)
        {
            var verdict = Allot.Core.Pool.PoolActions.Release(session, rules, key, "tests", "test", DateOnly.FromDateTime(DateTime.Now));
            if (!verdict.Allowed) throw new InvalidOperationException(verdict.Message);
        }
        session.Commit();
    }

    /// <summary>A rules file (the built-in defaults with these pool managers) in the sandbox's folder, for <c>Allot:Rules</c>.</summary>
    public static string RulesWithManagers(string folder, params string[] managers)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "managers.rules.json");
        File.WriteAllText(path, Allot.Core.Maintenance.DefaultRules.Text.Replace("\"managers\": [],",
            "\"managers\": [" + string.Join(", ", managers.Select(m => "\"" + m + "\"")) + "],", StringComparison.Ordinal));
        return path;
    }

    /// <summary>The daily job's time (off unless a test turns it on).</summary>
    public string DailyAt { get; init; } = "off";

    /// <summary>A client without a session.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>A client signed in as a user (session cookie) with the anti-forgery header set for writes.</summary>
    public async Task<HttpClient> SignIn(string user, string password = DemoBook.Password)
    {
        var client = Anonymous();
        await Csrf(client);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { name = user, password });
        if (login.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"login {user}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        await Csrf(client); // the token is bound to the user: fetch it again after signing in
        return client;
    }

    /// <summary>A client that sends an API token (no cookie, no anti-forgery header).</summary>
    public HttpClient WithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task Csrf(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token.GetProperty("token").GetString());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Reading answers, and multipart uploads.</summary>
public static class Answers
{
    /// <summary>A multipart body with one <c>file</c> part per (name, content) and the given form fields.</summary>
    public static MultipartFormDataContent Files(IEnumerable<(string Name, byte[] Content)> files, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "file", name);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    /// <summary>One text file (UTF-8).</summary>
    public static MultipartFormDataContent File(string name, string text, params (string Name, string Value)[] fields) =>
        Files([(name, System.Text.Encoding.UTF8.GetBytes(text))], fields);

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
