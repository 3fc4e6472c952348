namespace Allot.Tests.Shared;

/// <summary>The PostgreSQL server tests run against: <c>ALLOT_TEST_PG</c> (a postgres:// URL of a database the
/// tests may create schemas in). Each test store lives in a fresh schema of its own, dropped afterwards.</summary>
/// <remarks>Without the variable the PostgreSQL tests are skipped with a message, except under <c>CI=true</c>,
/// where a missing or unreachable server fails them: CI never skips a store test.</remarks>
internal static class TestPostgres
{
    public const string Variable = "ALLOT_TEST_PG";

    /// <summary>The server URL; skips the calling test (or fails it under CI) when none is configured.</summary>
    public static string Url
    {
        get
        {
            string? url = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(url)) return url;
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"CI=true but {Variable} is not set: CI runs every store test on PostgreSQL (see .ci/run)");
            Assert.Skip($"PostgreSQL tests need {Variable}=postgres://user:password@host/database (.ci/run sets it up)");
            return "";
        }
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>The server URL with a schema, as <c>--db</c> takes it.</summary>
    public static string UrlWithSchema(string schema)
    {
        string url = Url;
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + schema;
    }
}
