using Allot.Storage.Postgres;

namespace Allot.Storage.Tests.Postgres;

public sealed class PostgresLocationTests
{
    [Fact]
    public void Parse_FullUrl_EveryPartButThePasswordDescribed()
    {
        var where = PostgresLocation.Parse("postgresql://sales%40acme:p%40ss%3Aword@db.example.com:6432/allot_prod?schema=east&sslmode=require&timeout=5");
        Assert.Equal(("db.example.com:6432", "allot_prod", "sales@acme", "east"), (where.ServerText, where.Database, where.User, where.Schema));
        Assert.Equal("postgres://sales%40acme@db.example.com:6432/allot_prod?schema=east", where.Description);
        Assert.DoesNotContain("p@ss", where.Description);
        Assert.Contains("Password=p@ss:word", where.ConnectionString);
        Assert.Contains("SSL Mode=Require", where.ConnectionString);
        Assert.Contains("Search Path=east", where.ConnectionString);
    }

    [Fact]
    public void Parse_UrlWithoutPortOrPassword_Defaults()
    {
        var where = PostgresLocation.Parse("postgres://allot@localhost/allot");
        Assert.Equal(("localhost:5432", (string?)null), (where.ServerText, where.Schema));
        Assert.DoesNotContain("Password", where.ConnectionString);
    }

    [Fact]
    public void Parse_ConnectionString_Accepted()
    {
        Assert.True(PostgresLocation.IsPostgres("Host=127.0.0.1;Database=allot;Username=a;Password=secret"));
        var where = PostgresLocation.Parse("Host=127.0.0.1;Database=allot;Username=a;Password=secret");
        Assert.Equal("postgres://a@127.0.0.1:5432/allot", where.Description);
    }

    [Theory]
    [InlineData("postgres://u:secret@h/db?colour=blue", "unknown option 'colour'")]
    [InlineData("postgres://u:secret@h/", "names no database")]
    [InlineData("postgres://u:secret@h/db?schema=Bad-Name", "schema name 'Bad-Name' is not allowed")]
    [InlineData("postgres://u:secret@h/db?sslmode=maybe", "unknown sslmode")]
    public void Parse_BadUrl_ClearErrorWithoutPassword(string url, string expected)
    {
        var e = Assert.Throws<StoreException>(() => PostgresLocation.Parse(url));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("secret", e.Message);
    }

    [Theory]
    [InlineData("allot.db", false)]
    [InlineData("/data/stores/allot.db", false)]
    [InlineData("postgres://h/db", true)]
    [InlineData("POSTGRESQL://h/db", true)]
    public void IsServer_PathOrUrl_Recognised(string db, bool server) => Assert.Equal(server, StoreFactory.IsServer(db));
}
