extern alias cli;
using System.Net;
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

    public void Dispose()
    {
        if (string.IsNullOrEmpty(_url)) return;
        NpgsqlConnection.ClearAllPools();
        var b = new UriBuilder(_url);
        var cs = new NpgsqlConnectionStringBuilder { Host = b.Host, Port = b.Port, Username = Uri.UnescapeDataString(b.UserName), Password = Uri.UnescapeDataString(b.Password), Database = b.Path.Trim('/') };
        using var c = new NpgsqlConnection(cs.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }

    private sealed class PgServer(string db) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Allot:Db", db);
            builder.UseSetting("Allot:DailyAt", "off");
        }

        public HttpClient WithToken(string token)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
