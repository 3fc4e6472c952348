using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Allot.Core.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Allot.Server.Tests.Auth;

/// <summary>Every endpoint of docs/api.md as every kind of caller, on a customer (or rep) of its own and of someone
/// else's: 401 without a user, 403 when the role is too low, 404 for what is not the caller's, 2xx otherwise.</summary>
/// <remarks>Rows whose endpoint is not on this branch yet are skipped (they are built elsewhere and picked up by
/// merging main). <c>{own}</c> is a customer (or rep, under /api/reps) the caller may see: RepA's for rep-a, the
/// manager, the admin and the token (the manager's); RepB's for rep-b. <c>{other}</c> is one it may not: RepB's,
/// RepA's for rep-b. <c>{pool}</c> is a fresh pool customer per request.</remarks>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Matrix matrix) : IClassFixture<AuthorizationMatrixTests.Matrix>
{
    private const int Ok = 200; // any 2xx

    public enum Caller { Anonymous, RepA, RepB, Manager, Admin, Token }

    public enum Body { None, Empty, NewUser, Login, Upload, Claim, Apply }

    /// <param name="NoRules">Asked of a second server without a rules file: the daily job then refuses (409) once past
    /// the role check, instead of reclaiming customers the other rows rely on.</param>
    public sealed record Row(string Method, string Route, string Path, Body Body, int[] Expected, bool NoRules = false)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static Row R(string method, string route, string path, Body body, params int[] expected) => new(method, route, path, body, expected);

    private static Row R(string method, string route, params int[] expected) => new(method, route, route, Body.None, expected);

    //                                                                                             anon repA repB mgr  admin token(mgr)
    public static readonly Row[] Table =
    [
        R("GET", "/api/health",                                                                     Ok,  Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/auth/antiforgery",                                                           Ok,  Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/openapi/v1.json",                                                                Ok,  Ok,  Ok,  Ok,  Ok,  Ok),
        R("POST", "/api/auth/login", "/api/auth/login", Body.Login,                                 Ok,  Ok,  Ok,  Ok,  Ok,  Ok),
        R("POST", "/api/auth/logout", "/api/auth/logout", Body.None,                                401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/auth/me",                                                                    401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("POST", "/api/auth/tokens", "/api/auth/tokens", Body.Empty,                               401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/customers",                                                                  401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/customers/{key}", "/api/customers/{own}", Body.None,                         401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/customers/{key}", "/api/customers/{other}", Body.None,                       401, 404, 404, 404, Ok,  404),
        R("GET", "/api/customers/{key}/interactions", "/api/customers/{own}/interactions", Body.None, 401, Ok, Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/customers/{key}/interactions", "/api/customers/{other}/interactions", Body.None, 401, 404, 404, 404, Ok, 404),
        R("GET", "/api/reps",                                                                       401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/reps/{key}", "/api/reps/{own}", Body.None,                                   401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/reps/{key}", "/api/reps/{other}", Body.None,                                 401, 404, 404, 404, Ok,  404),
        R("POST", "/api/imports/{kind}", "/api/imports/customers", Body.Upload,                     401, 403, 403, Ok,  Ok,  Ok),
        R("GET", "/api/imports",                                                                    401, 403, 403, Ok,  Ok,  Ok),
        R("GET", "/api/schemes",                                                                    401, 403, 403, Ok,  Ok,  Ok),
        R("POST", "/api/classification/runs", "/api/classification/runs", Body.Empty,               401, 403, 403, Ok,  Ok,  Ok),
        R("GET", "/api/classification/runs",                                                        401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/classification/runs/{id}", "/api/classification/runs/{crun}", Body.None,     401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/classification/runs/{id}/customers/{key}", "/api/classification/runs/{crun}/customers/{own}", Body.None, 401, Ok, Ok, Ok, Ok, Ok),
        R("GET", "/api/classification/runs/{id}/customers/{key}", "/api/classification/runs/{crun}/customers/{other}", Body.None, 401, 404, 404, 404, Ok, 404),
        R("GET", "/api/classification/compare", "/api/classification/compare?a={crun}&b={crun}", Body.None, 401, 403, 403, Ok, Ok, Ok),
        R("GET", "/api/dashboard",                                                                  401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("POST", "/api/value/runs", "/api/value/runs", Body.Empty,                                 401, 403, 403, Ok,  Ok,  Ok),
        R("GET", "/api/value/runs",                                                                 401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/value/churn",                                                                401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/policies/default",                                                           401, 403, 403, Ok,  Ok,  Ok),
        R("POST", "/api/allocation/runs", "/api/allocation/runs", Body.Empty,                       401, 403, 403, Ok,  Ok,  Ok),
        R("GET", "/api/allocation/runs",                                                            401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("GET", "/api/allocation/runs/{id}", "/api/allocation/runs/{arun}", Body.None,             401, 403, 403, Ok,  Ok,  Ok),
        R("GET", "/api/allocation/runs/{id}/customers/{key}", "/api/allocation/runs/{arun}/customers/{own}", Body.None, 401, Ok, Ok, Ok, Ok, Ok),
        R("GET", "/api/allocation/runs/{id}/customers/{key}", "/api/allocation/runs/{arun}/customers/{other}", Body.None, 401, 404, 404, 404, Ok, 404),
        R("GET", "/api/allocation/runs/{id}/changes", "/api/allocation/runs/{arun}/changes", Body.None, 401, 403, 403, Ok, Ok, Ok),
        R("POST", "/api/allocation/runs/{id}/apply", "/api/allocation/runs/{arun}/apply", Body.Apply, 401, 403, 403, Ok, Ok, Ok),
        R("GET", "/api/pool",                                                                       401, Ok,  Ok,  Ok,  Ok,  Ok),
        R("POST", "/api/pool/{key}/claim", "/api/pool/{pool}/claim", Body.Claim,                    401, Ok,  Ok,  Ok,  Ok,  Ok),
        // Not in the pool and not the caller's: as good as missing; the admin sees it and is told who owns it.
        R("POST", "/api/pool/{key}/claim", "/api/pool/{other}/claim", Body.Claim,                   401, 404, 404, 404, 409, 404),
        R("GET", "/api/jobs",                                                                       401, 403, 403, Ok,  Ok,  Ok),
        new("POST", "/api/jobs/daily", "/api/jobs/daily", Body.None,                                [401, 403, 403, 409, 409, 409], NoRules: true),
        R("GET", "/api/users",                                                                      401, 403, 403, 403, Ok,  403),
        R("POST", "/api/users", "/api/users", Body.NewUser,                                         401, 403, 403, 403, Ok,  403),
    ];

    public static TheoryData<int, Caller> Cells()
    {
        var data = new TheoryData<int, Caller>();
        for (int i = 0; i < Table.Length; i++)
            foreach (var caller in Enum.GetValues<Caller>()) data.Add(i, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_AsCaller_AnswersTheTablesStatus(int row, Caller caller)
    {
        var r = Table[row];
        if (!matrix.Exists(r.Method, r.Route)) Assert.Skip($"{r.Method} {r.Route} is not on this branch yet");
        int expected = r.Expected[(int)caller];
        bool fresh = r.Route is "/api/auth/login" or "/api/auth/logout"; // these change the client's session
        var client = await matrix.Client(caller, fresh, r.NoRules);
        var request = new HttpRequestMessage(new HttpMethod(r.Method), matrix.Resolve(r.Path, caller)) { Content = matrix.Content(r.Body, caller) };
        var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        int status = (int)response.StatusCode;
        string cell = $"{caller}: {r.Method} {request.RequestUri} → {status} {body[..Math.Min(300, body.Length)]}";
        if (expected == Ok) Assert.True(status is >= 200 and < 300, $"expected 2xx; {cell}");
        else
        {
            Assert.True(status == expected, $"expected {expected}; {cell}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void Table_CoversEveryEndpointOnThisBranch()
    {
        var listed = Table.Select(r => Matrix.Key(r.Method, r.Route)).ToHashSet();
        var missing = matrix.Endpoints().Where(e => !listed.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "endpoints not in the matrix: " + string.Join(", ", missing));
    }

    /// <summary>One server for the whole table (a copy of the demo book; the rules name the manager and the admin as
    /// pool managers), a signed-in client per caller, and pool customers released from a third rep.</summary>
    public sealed class Matrix : IAsyncLifetime
    {
        private readonly ServerSandbox _server;
        private readonly Lazy<ServerSandbox> _plain;
        private readonly ConcurrentDictionary<(Caller, bool), HttpClient> _clients = new();
        private readonly ConcurrentQueue<string> _pool = new();
        private readonly Dictionary<string, string> _customers = [];
        private int _serial;

        public Matrix(DemoBook book)
        {
            Book = book;
            string rules = ServerSandbox.RulesWithManagers(Path.Combine(Path.GetTempPath(), "allot-matrix-" + Guid.NewGuid().ToString("N")), "manager", "admin");
            _server = new ServerSandbox(book, new Dictionary<string, string> { ["Allot:Rules"] = rules });
            _plain = new(() => new ServerSandbox(book, new Dictionary<string, string> { ["Allot:Rules"] = rules + ".none" }));
        }

        public DemoBook Book { get; }

        private long _crun, _arun;
        private string _token = "";

        public async ValueTask InitializeAsync()
        {
            using (var store = _server.OpenStore())
            {
                var customers = store.ReadCustomers().ToList();
                _customers["A"] = customers.First(c => c.OwnerRepKey == Book.RepA).Key;
                _customers["B"] = customers.First(c => c.OwnerRepKey == Book.RepB).Key;
                var third = customers.Where(c => c.OwnerRepKey is { } o && o != Book.RepA && o != Book.RepB).Take(12).Select(c => c.Key).ToArray();
                foreach (var k in third) _pool.Enqueue(k);
                _crun = store.GetClassificationRuns(1).FirstOrDefault()?.Id ?? 1;
                _arun = store.GetAllocationRuns(1).FirstOrDefault()?.Id ?? 1;
                _token = ApiToken.Create();
                store.AddApiToken("manager", "matrix", ApiToken.Hash(_token), null);
                _server.Release(third);
            }
            await Task.CompletedTask;
        }

        public bool Exists(string method, string route) => Endpoints().Contains(Key(method, route));

        /// <summary>Every API endpoint the server maps, as "METHOD /normalised/{}/route".</summary>
        public HashSet<string> Endpoints() =>
            [.. _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/openapi", StringComparison.Ordinal))
                    && !raw.Contains("{**", StringComparison.Ordinal))
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => Key(m, e.RoutePattern.RawText!)))];

        public static string Key(string method, string route)
        {
            string r = System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]*\\}", "{}").TrimEnd('/');
            return method + " " + (r == "/openapi/{}.json" ? "/openapi/v1.json" : r);
        }

        public async Task<HttpClient> Client(Caller caller, bool fresh, bool noRules)
        {
            if (!fresh && _clients.TryGetValue((caller, noRules), out var c)) return c;
            var server = noRules ? _plain.Value : _server;
            if (noRules && caller == Caller.Token)
                using (var store = server.OpenStore()) store.AddApiToken("manager", "matrix", ApiToken.Hash(_token), null);
            var client = caller switch
            {
                Caller.Anonymous => await AnonymousWithCsrf(server),
                Caller.Token => server.WithToken(_token),
                Caller.RepA => await server.SignIn("rep-a"),
                Caller.RepB => await server.SignIn("rep-b"),
                Caller.Manager => await server.SignIn("manager"),
                _ => await server.SignIn("admin"),
            };
            return fresh ? client : _clients.GetOrAdd((caller, noRules), client);
        }

        // Anonymous writes carry an anti-forgery token (as a browser would) so the answer is about the missing user.
        private static async Task<HttpClient> AnonymousWithCsrf(ServerSandbox server)
        {
            var client = server.Anonymous();
            var token = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
            client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token.GetProperty("token").GetString());
            return client;
        }

        public string Resolve(string path, Caller caller)
        {
            bool reps = path.StartsWith("/api/reps/", StringComparison.Ordinal);
            string own = caller == Caller.RepB ? "B" : "A", other = caller == Caller.RepB ? "A" : "B";
            string Of(string which) => reps ? (which == "A" ? Book.RepA : Book.RepB) : _customers[which];
            if (path.Contains("{pool}", StringComparison.Ordinal))
                path = path.Replace("{pool}", _pool.TryDequeue(out var k) ? k : "no-pool-customer-left", StringComparison.Ordinal);
            return path.Replace("{own}", Of(own), StringComparison.Ordinal).Replace("{other}", Of(other), StringComparison.Ordinal)
                .Replace("{crun}", _crun.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{arun}", _arun.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        public HttpContent? Content(Body body, Caller caller) => body switch
        {
            Body.Empty => JsonContent.Create(new { }),
            Body.Login => JsonContent.Create(new { name = "admin", password = DemoBook.Password }),
            Body.NewUser => JsonContent.Create(new { name = "matrix-" + Interlocked.Increment(ref _serial), role = "admin", password = DemoBook.Password }),
            Body.Upload => Answers.File("customers.csv", $"customer_id,name\nMATRIX-{Interlocked.Increment(ref _serial)},Matrix Ltd\n"),
            Body.Claim => caller is Caller.Manager or Caller.Admin or Caller.Token ? JsonContent.Create(new { rep = Book.RepA }) : null,
            Body.Apply => JsonContent.Create(new { customers = Array.Empty<string>() }),
            _ => null,
        };

        public ValueTask DisposeAsync()
        {
            _server.Dispose();
            if (_plain.IsValueCreated) _plain.Value.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
