using System.Net;
using System.Net.Http.Json;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Allocation proposals, their figures and reasons, and applying them within a manager's team.</summary>
public sealed class AllocationEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task DefaultPolicy_AsManager_IsTheAnnotatedText_AndRefusedToARep()
    {
        var manager = await _server.SignIn("manager");
        var policy = await (await manager.GetAsync("/api/policies/default")).Json();
        Assert.Equal(Core.Allocation.Policies.BuiltInPolicies.Default, policy.GetProperty("text").GetString());
        var rep = await _server.SignIn("rep-a");
        await (await rep.GetAsync("/api/policies/default")).Json(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Propose_AsManager_StoresTheCliProposal_AndChangesNoOwner()
    {
        using var store = _server.OpenStore();
        var before = store.ReadCustomers().ToDictionary(c => c.Key, c => c.OwnerRepKey);
        var cli = AllotCli.Json(_server.Db, "allocate", "--no-store", "--strategy", "greedy");
        var manager = await _server.SignIn("manager");
        var proposal = await (await manager.PostAsJsonAsync("/api/allocation/runs", new { strategy = "greedy" })).Json(HttpStatusCode.Created);
        long run = proposal.GetProperty("run").GetInt64();
        var summary = proposal.GetProperty("summary");
        Assert.Equal(cli.GetProperty("objective").GetInt64(), summary.GetProperty("objective").GetInt64());
        Assert.Equal(cli.GetProperty("quality").GetProperty("owner_changes").GetInt32(), summary.GetProperty("quality").GetProperty("owner_changes").GetInt32());
        var info = store.GetAllocationRun(run)!;
        Assert.Equal("manager", info.By);
        Assert.Equal("greedy", info.Strategy);
        Assert.Equal(store.ReadAllocations(run).Count(a => a.ProposedRep is not null && a.ProposedRep != a.CurrentRep), info.Changes);
        Assert.Equal(before, store.ReadCustomers().ToDictionary(c => c.Key, c => c.OwnerRepKey));
        var runs = await (await manager.GetAsync("/api/allocation/runs")).Json();
        Assert.Equal(run, runs.GetProperty("items")[0].GetProperty("id").GetInt64());
        await (await manager.PostAsJsonAsync("/api/allocation/runs", new { strategy = "fastest" })).Json(HttpStatusCode.BadRequest);
        await (await manager.PostAsJsonAsync("/api/allocation/runs", new { policy_text = new string(' ', 2 * 1024 * 1024) })).Json(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Detail_AndChanges_AsManager_ShowOnlyItsTeam()
    {
        var (run, changes) = await Propose();
        using var store = _server.OpenStore();
        var team = store.GetReps().Where(r => r.Team == book.Team).Select(r => r.Key).ToHashSet();
        var manager = await _server.SignIn("manager");
        var detail = await (await manager.GetAsync($"/api/allocation/runs/{run}")).Json();
        var reps = detail.GetProperty("reps").EnumerateArray().ToList();
        Assert.Equal(team.Order(), reps.Select(r => r.GetProperty("rep").GetString()!).Order());
        foreach (var r in reps)
        {
            string key = r.GetProperty("rep").GetString()!;
            Assert.Equal(changes.Count(a => a.ProposedRep == key), r.GetProperty("gained").GetInt32());
            Assert.Equal(changes.Count(a => a.CurrentRep == key), r.GetProperty("lost").GetInt32());
        }
        var page = await (await manager.GetAsync($"/api/allocation/runs/{run}/changes?page_size=500")).Json();
        var listed = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customer").GetString()).ToList();
        Assert.Equal(changes.Where(a => team.Contains(a.CurrentRep ?? "") || team.Contains(a.ProposedRep!)).Select(a => a.CustomerKey), listed);
        var rep = await _server.SignIn("rep-a");
        await (await rep.GetAsync($"/api/allocation/runs/{run}")).Json(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/allocation/runs/{run}/changes")).Json(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Why_GivesTheFitByComponent_And404OutsideScope()
    {
        var (run, _) = await Propose();
        using var store = _server.OpenStore();
        string mine = store.ReadCustomers().First(c => c.OwnerRepKey == book.RepA).Key;
        string other = store.ReadCustomers().First(c => c.OwnerRepKey == book.RepB).Key;
        var rep = await _server.SignIn("rep-a");
        await (await rep.GetAsync($"/api/allocation/runs/{run}/customers/{other}")).Json(HttpStatusCode.NotFound);
        var why = await (await rep.GetAsync($"/api/allocation/runs/{run}/customers/{mine}")).Json();
        var stored = store.GetAllocation(run, mine)!;
        Assert.Equal(stored.ProposedRep, why.GetProperty("proposed").GetString());
        Assert.Equal(stored.Reason, why.GetProperty("reason").GetString());
        var details = why.GetProperty("details");
        Assert.Equal(stored.Fit, details.GetProperty("fit").GetDouble());
        foreach (string component in new[] { "seniority", "expertise", "lifecycle", "continuity", "performance", "region_penalty" })
            Assert.True(details.GetProperty("components").TryGetProperty(component, out _), component);
        Assert.True(details.TryGetProperty("runner_up", out _) && details.TryGetProperty("margin", out _) && details.TryGetProperty("binding", out _));
    }

    [Fact]
    public async Task Apply_AsManager_AppliesOnlyItsTeamsChanges_AndRefusesNamingOthers()
    {
        var (run, changes) = await Propose();
        using var store = _server.OpenStore();
        // The demo's largest team, so that some proposed changes stay within it.
        string largest = store.GetReps().GroupBy(r => r.Team).OrderByDescending(g => g.Count()).First().Key!;
        var team = store.GetReps().Where(r => r.Team == largest).Select(r => r.Key).ToHashSet();
        store.AddUser(new Core.Access.User { Name = "lead", Role = Core.Access.Role.Manager, Team = largest }, Core.Access.PasswordHash.Create(DemoBook.Password), "tests");
        bool Inside(Storage.StoredAllocation a) => a.CurrentRep is not null && team.Contains(a.CurrentRep) && team.Contains(a.ProposedRep!);
        Assert.Contains(changes, Inside);
        var outside = changes.First(a => !Inside(a));
        var lead = await _server.SignIn("lead");
        var refused = await (await lead.PostAsJsonAsync($"/api/allocation/runs/{run}/apply", new { customers = new[] { outside.CustomerKey } })).Json(HttpStatusCode.Forbidden);
        Assert.Contains(outside.CustomerKey, refused.GetProperty("detail").GetString());
        Assert.Equal(outside.CurrentRep, store.GetCustomer(outside.CustomerKey)!.OwnerRepKey);

        var applied = await (await lead.PostAsJsonAsync($"/api/allocation/runs/{run}/apply", new { })).Json();
        Assert.Equal(changes.Count(Inside), applied.GetProperty("applied").GetInt32());
        Assert.Equal(changes.Count(a => !Inside(a)), applied.GetProperty("skipped").GetInt32());
        foreach (var a in changes)
            Assert.Equal(Inside(a) ? a.ProposedRep : a.CurrentRep, store.GetCustomer(a.CustomerKey)!.OwnerRepKey);
        var moved = changes.First(Inside);
        var last = store.GetOwnerHistory(moved.CustomerKey)[^1];
        Assert.Equal("lead", last.By);
        Assert.Equal(run, last.RunId);
    }

    [Fact]
    public async Task Apply_AfterOwnersChanged_Is409_AndAnAdminAppliesEverything()
    {
        var (first, _) = await Propose();
        var (second, changes) = await Propose();
        var admin = await _server.SignIn("admin");
        var applied = await (await admin.PostAsJsonAsync($"/api/allocation/runs/{second}/apply", new { })).Json();
        Assert.Equal(changes.Count, applied.GetProperty("applied").GetInt32());
        Assert.Equal(0, applied.GetProperty("skipped").GetInt32());
        var conflict = await (await admin.PostAsJsonAsync($"/api/allocation/runs/{first}/apply", new { })).Json(HttpStatusCode.Conflict);
        Assert.Contains("out of date", conflict.GetProperty("detail").GetString());
        await (await admin.PostAsJsonAsync("/api/allocation/runs/999/apply", new { })).Json(HttpStatusCode.NotFound);
    }

    /// <summary>A round-robin proposal (the demo book is already allocated optimally, so this one moves customers).</summary>
    private async Task<(long Run, List<Storage.StoredAllocation> Changes)> Propose()
    {
        var admin = await _server.SignIn("admin");
        var proposal = await (await admin.PostAsJsonAsync("/api/allocation/runs", new { strategy = "round_robin" })).Json(HttpStatusCode.Created);
        long run = proposal.GetProperty("run").GetInt64();
        using var store = _server.OpenStore();
        var changes = store.ReadAllocations(run).Where(a => a.ProposedRep is not null && a.ProposedRep != a.CurrentRep).ToList();
        Assert.NotEmpty(changes);
        return (run, changes);
    }

    public void Dispose() => _server.Dispose();
}
