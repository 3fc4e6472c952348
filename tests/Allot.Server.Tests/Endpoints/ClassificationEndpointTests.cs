using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Schemes and classification runs through the API, held against the CLI and the store.</summary>
public sealed class ClassificationEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Schemes_AsManager_ListsTheBundledSchemesWithTheirText_AndRefusesARep()
    {
        var manager = await _server.SignIn("manager");
        var schemes = await (await manager.GetAsync("/api/schemes")).Json();
        var names = schemes.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["default", "retail", "b2b", "bank_like"], names);
        Assert.Contains("\"tier_from\"", schemes[1].GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(schemes[2].GetProperty("description").GetString()));
        var rep = await _server.SignIn("rep-a");
        await (await rep.GetAsync("/api/schemes")).Json(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Classify_AsAdmin_StoresARunWithTheCliSummary()
    {
        var expected = AllotCli.Json(_server.Db, "classify", "--no-store");
        var admin = await _server.SignIn("admin");
        var summary = await (await admin.PostAsJsonAsync("/api/classification/runs", new { })).Json(HttpStatusCode.Created);
        long run = summary.GetProperty("run").GetInt64();
        Assert.Equal(expected.GetProperty("customers").GetInt32(), summary.GetProperty("customers").GetInt32());
        Assert.Equal(expected.GetProperty("as_of").GetString(), summary.GetProperty("as_of").GetString());
        Assert.Equal(Canon(expected.GetProperty("classifiers")), Canon(summary.GetProperty("classifiers")));
        using var store = _server.OpenStore();
        var info = store.GetClassificationRuns(1).Single();
        Assert.Equal(run, info.Id);
        Assert.Equal("admin", info.By);
        Assert.Equal(expected.GetProperty("customers").GetInt32(), info.Customers);
        var stored = await (await admin.GetAsync($"/api/classification/runs/{run}")).Json();
        Assert.Equal("abc_amount", stored.GetProperty("tier_from").GetString());
        // The stored run reads back with the same figures, profit shares and means included.
        Assert.Equal(Canon(expected.GetProperty("classifiers")), Canon(stored.GetProperty("classifiers")));
    }

    [Fact]
    public async Task StoredRun_KeepsItsFigures_WhenTheStoreChangesAfterwards()
    {
        var admin = await _server.SignIn("admin");
        var summary = await (await admin.PostAsJsonAsync("/api/classification/runs", new { })).Json(HttpStatusCode.Created);
        long run = summary.GetProperty("run").GetInt64();
        var before = Canon((await (await admin.GetAsync($"/api/classification/runs/{run}")).Json()).GetProperty("classifiers"));
        // Orders arrive after the run, dated on its as-of day: a recomputation would change profit and the means.
        string asOf = summary.GetProperty("as_of").GetString()!;
        string file = Path.Combine(Path.GetDirectoryName(_server.Db)!, "late.csv");
        string customer;
        using (var store = _server.OpenStore()) customer = store.ReadCustomers().First().Key;
        File.WriteAllText(file, $"order_id,customer_id,order_date,amount,profit\nLATE-1,{customer},{asOf},99999,50000\n");
        var import = AllotCli.Run(_server.Db, "import", "orders", file);
        Assert.True(import.Exit == 0, import.Stderr);
        var after = Canon((await (await admin.GetAsync($"/api/classification/runs/{run}")).Json()).GetProperty("classifiers"));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Detail_AsRep_CountsOnlyItsOwnCustomers()
    {
        using var store = _server.OpenStore();
        long run = store.GetClassificationRuns(1).Single().Id;
        var mine = store.ReadCustomers().Where(c => c.OwnerRepKey == book.RepA).Select(c => c.Key).ToHashSet();
        var tiers = store.ReadClassifications(run).Where(c => mine.Contains(c.CustomerKey)).GroupBy(c => c.Tier).ToDictionary(g => g.Key, g => g.Count());
        var rep = await _server.SignIn("rep-a");
        var detail = await (await rep.GetAsync($"/api/classification/runs/{run}")).Json();
        Assert.Equal(tiers.Values.Sum(), detail.GetProperty("customers").GetInt32());
        var tierClasses = detail.GetProperty("classifiers")[0].GetProperty("classes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("class").GetString()!, c => c.GetProperty("customers").GetInt32());
        Assert.Equal(tiers.OrderBy(t => t.Key), tierClasses.OrderBy(t => t.Key));
        double shares = detail.GetProperty("classifiers")[0].GetProperty("classes").EnumerateArray().Sum(c => c.GetProperty("revenue_share").GetDouble());
        Assert.Equal(1, shares, 4);
        await (await rep.GetAsync("/api/classification/runs/999")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Explain_AnotherRepsCustomer_Is404_AndItsOwnGivesEveryClassifiersReason()
    {
        using var store = _server.OpenStore();
        long run = store.GetClassificationRuns(1).Single().Id;
        string mine = store.ReadCustomers().First(c => c.OwnerRepKey == book.RepA).Key;
        string other = store.ReadCustomers().First(c => c.OwnerRepKey == book.RepB).Key;
        var rep = await _server.SignIn("rep-a");
        await (await rep.GetAsync($"/api/classification/runs/{run}/customers/{other}")).Json(HttpStatusCode.NotFound);
        var why = await (await rep.GetAsync($"/api/classification/runs/{run}/customers/{mine}")).Json();
        var stored = store.GetClassification(run, mine)!;
        Assert.Equal(stored.Tier, why.GetProperty("tier").GetString());
        Assert.Equal(stored.Classes.Select(c => c.Reason), why.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Classify_RefusesARep_ABadScheme_BothSources_AndAnOversizeBody()
    {
        var rep = await _server.SignIn("rep-a");
        await (await rep.PostAsJsonAsync("/api/classification/runs", new { })).Json(HttpStatusCode.Forbidden);
        var manager = await _server.SignIn("manager");
        var bad = await (await manager.PostAsJsonAsync("/api/classification/runs", new { scheme_text = "{ \"name\": \"x\" }" })).Json(HttpStatusCode.BadRequest);
        Assert.Contains("scheme_text", bad.GetProperty("detail").GetString());
        await (await manager.PostAsJsonAsync("/api/classification/runs", new { scheme_text = "{}", example = "b2b" })).Json(HttpStatusCode.BadRequest);
        await (await manager.PostAsJsonAsync("/api/classification/runs", new { example = "nope" })).Json(HttpStatusCode.BadRequest);
        var huge = await (await manager.PostAsJsonAsync("/api/classification/runs", new { scheme_text = new string(' ', 2 * 1024 * 1024) })).Json(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1,048,576 bytes", huge.GetProperty("detail").GetString());
        using var store = _server.OpenStore();
        Assert.Single(store.GetClassificationRuns());
    }

    [Fact]
    public async Task Compare_TwoRuns_GivesTheCliMatrix_AndAManagerOnlyItsTeam()
    {
        var admin = await _server.SignIn("admin");
        var b2b = await (await admin.PostAsJsonAsync("/api/classification/runs", new { example = "b2b" })).Json(HttpStatusCode.Created);
        long b = b2b.GetProperty("run").GetInt64();
        var runs = await (await admin.GetAsync("/api/classification/runs")).Json();
        Assert.Equal([b, 1L], runs.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        var cmp = await (await admin.GetAsync($"/api/classification/compare?a=1&b={b}")).Json();
        var cli = AllotCli.Json(_server.Db, "compare", "1", b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Round(cli.GetProperty("matrix")), Round(cmp.GetProperty("matrix")));
        Assert.Equal(cli.GetProperty("moved_up").GetInt32(), cmp.GetProperty("moved_up").GetInt32());
        Assert.Equal(cli.GetProperty("moved_down").GetInt32(), cmp.GetProperty("moved_down").GetInt32());

        var manager = await _server.SignIn("manager");
        var team = await (await manager.GetAsync($"/api/classification/compare?a=1&b={b}")).Json();
        int teamCustomers = team.GetProperty("matrix").EnumerateArray().Sum(c => c.GetProperty("customers").GetInt32());
        using var store = _server.OpenStore();
        var teamReps = store.GetReps().Where(r => r.Team == book.Team).Select(r => r.Key).ToHashSet();
        Assert.Equal(store.ReadCustomers().Count(c => c.OwnerRepKey is not null && teamReps.Contains(c.OwnerRepKey)
            && store.GetClassification(1, c.Key) is not null), teamCustomers);
        var rep = await _server.SignIn("rep-a");
        await (await rep.GetAsync($"/api/classification/compare?a=1&b={b}")).Json(HttpStatusCode.Forbidden);
    }

    private static string Canon(JsonElement e) => JsonSerializer.Serialize(e);

    // The CLI rounds revenue to cents; the API keeps it as stored.
    private static string Round(JsonElement matrix) => JsonSerializer.Serialize(matrix.EnumerateArray().Select(c => new Dictionary<string, object?>
    {
        ["from"] = c.GetProperty("from").GetString(), ["to"] = c.GetProperty("to").GetString(),
        ["customers"] = c.GetProperty("customers").GetInt32(), ["revenue"] = Math.Round(c.GetProperty("revenue").GetDouble(), 2),
    }));

    public void Dispose() => _server.Dispose();
}
