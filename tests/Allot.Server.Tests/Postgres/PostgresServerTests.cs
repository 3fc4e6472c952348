extern alias cli;
using System.Net;
using System.Net.Http.Json;
using Allot.Core.Access;
using Allot.Storage;
using Npgsql;
using AllotApp = cli::Allot.Cli.AllotApp;

namespace Allot.Server.Tests.Postgres;

/// <summary>The server on a real PostgreSQL: the demo book in a schema of its own, reached through a gate that can cut
/// the database away. While it is gone, requests answer 503 with a clear message; when it returns, they work again.</summary>
public sealed class PostgresServerTests : IDisposable
{
    private readonly string? _url = Environment.GetEnvironmentVariable("ALLOT_TEST_PG");
    private readonly string _schema = "srv_" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "allot-pg-server-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task LostDatabase_Answers503_ThenRecoversWhenItReturns()
    {
        if (string.IsNullOrEmpty(_url))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("ALLOT_TEST_PG is not set: CI runs the PostgreSQL tests");
            Assert.Skip("ALLOT_TEST_PG is not set (postgres://user:pass@host/db): the PostgreSQL server tests are skipped");
        }
        var direct = new Uri(_url!);
        string db = $"{_url}?schema={_schema}";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(AllotApp.Run(["demo", "--db", db, "--customers", "200", "--orders", "2000", "--reps", "8", "--quiet"], stdout, stderr) == 0, stderr.ToString());
        string token = ApiToken.Create();
        using (var store = StoreFactory.Open(db, create: false, TimeProvider.System))
        {
            store.AddUser(new User { Name = "admin", Role = Role.Admin }, PasswordHash.Create(DemoBook.Password), "tests");
            store.AddApiToken("admin", "test", ApiToken.Hash(token), null);
        }

        using var gate = new TcpGate(direct.Host, direct.Port);
        string gated = new UriBuilder(direct) { Port = gate.Port }.Uri.ToString().TrimEnd('/') + $"?schema={_schema}&timeout=3";
        using var server = new PgServer(gated);
        var client = server.WithToken(token);
        var before = await (await client.GetAsync("/api/customers?page_size=10")).Json();
        Assert.Equal(10, before.GetProperty("items").GetArrayLength());

        gate.Shut();
        var down = await client.GetAsync("/api/customers?page_size=10");
        var problem = await down.Json(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("PostgreSQL", problem.GetProperty("detail").GetString());
        Assert.NotNull(down.Headers.RetryAfter);

        gate.Open();
        var after = await (await client.GetAsync("/api/customers?page_size=10")).Json();
        Assert.Equal(before.GetProperty("items").ToString(), after.GetProperty("items").ToString());
    }

    [Fact]
    public async Task DailyJobAndPool_Postgres_JobRecordsTheDayAndAManagerAssigns()
    {
        if (string.IsNullOrEmpty(_url))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("ALLOT_TEST_PG is not set: CI runs the PostgreSQL tests");
            Assert.Skip("ALLOT_TEST_PG is not set (postgres://user:pass@host/db): the PostgreSQL server tests are skipped");
        }
        string db = $"{_url}?schema={_schema}";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(AllotApp.Run(["demo", "--db", db, "--customers", "200", "--orders", "2000", "--reps", "8", "--quiet"], stdout, stderr) == 0, stderr.ToString());
        string token = ApiToken.Create();
        string released, owner;
        var today = DateOnly.FromDateTime(DateTime.Now);
        using (var store = StoreFactory.Open(db, create: false, TimeProvider.System))
        {
            store.AddUser(new User { Name = "admin", Role = Role.Admin }, PasswordHash.Create(DemoBook.Password), "tests");
            store.AddApiToken("admin", "test", ApiToken.Hash(token), null);
            (released, owner) = store.ReadCustomers().Where(c => c.OwnerRepKey is not null).Select(c => (c.Key, c.OwnerRepKey!)).First();
            using var session = store.BeginMaintenance();
            Assert.True(Core.Pool.PoolActions.Release(session, Core.Maintenance.RulesParser.Parse(Core.Maintenance.DefaultRules.Text, "defaults"),
                released, "tests", "test", today).Allowed);
            session.Commit();
        }
        string rules = ServerSandbox.RulesWithManagers(Path.Combine(_folder, "rules"), "admin");
        using var server = new PgServer(db, rules);
        var client = server.WithToken(token);

        // The daily job, now: it runs on the PostgreSQL store and records the day; its digest lands beside the rules.
        var daily = await (await client.PostAsync("/api/jobs/daily", null)).Json();
        Assert.True(daily.GetProperty("ran").GetBoolean());
        Assert.Equal(1, daily.GetProperty("record").GetProperty("runs").GetInt32());
        Assert.True(File.Exists(Path.Combine(_folder, "rules", "digests", $"digest-{today:yyyy-MM-dd}.json")));
        // The pool: the released customer is listed, and a pool manager assigns it back (no cool-down for an assignment;
        // its owner has room again).
        var pool = await (await client.GetAsync("/api/pool")).Json();
        Assert.Contains(pool.GetProperty("items").EnumerateArray(), r => r.GetProperty("key").GetString() == released);
        var assigned = await (await client.PostAsJsonAsync($"/api/pool/{released}/claim", new { rep = owner })).Json();
        Assert.Equal("assigned", assigned.GetProperty("result").GetString());
        using var check = StoreFactory.Open(db, create: false, TimeProvider.System);
        Assert.Equal(owner, check.GetCustomer(released)!.OwnerRepKey);
        Assert.Equal(["assigned", "released"], check.GetPoolEvents(released).Select(e => e.Kind.ToString().ToLowerInvariant()));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        if (string.IsNullOrEmpty(_url)) return;
        NpgsqlConnection.ClearAllPools();
        var b = new UriBuilder(_url);
        var cs = new NpgsqlConnectionStringBuilder { Host = b.Host, Port = b.Port, Username = Uri.UnescapeDataString(b.UserName), Password = Uri.UnescapeDataString(b.Password), Database = b.Path.Trim('/') };
        using var c = new NpgsqlConnection(cs.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }

    private sealed class PgServer(string db, string? rules = null) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Allot:Db", db);
            builder.UseSetting("Allot:DailyAt", "off");
            if (rules is not null) builder.UseSetting("Allot:Rules", rules);
        }

        public HttpClient WithToken(string token)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
