using System.Text.Json;
using Allot.Core.Allocation.Planning;
using Allot.Core.Allocation.Policies;
using Allot.Server.Auth;
using Allot.Storage;
using Allot.Storage.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Allot.Server.Endpoints;

/// <summary>Allocation: the default policy, proposals stored as runs (nothing changes owners), their per-rep
/// figures, changes and reasons, and applying them. A manager applies only changes within its team.</summary>
internal static class AllocationEndpoints
{
    public sealed record PolicyText(string Name, string Text);

    public sealed record ProposeRequest(string? PolicyText, string? Strategy, bool? NewOnly, int? MaxChanges);

    public sealed record Proposal(long Run, JsonElement Summary);

    public sealed record RunRow(long Id, DateTimeOffset CreatedAt, string By, string Policy, string Strategy, long? ClassificationRun,
        int Customers, int Changes, long Objective, DateTimeOffset? AppliedAt, string? AppliedBy, int AppliedChanges);

    public sealed record RepFigures(string Rep, int Capacity, int LoadBefore, int LoadAfter, double WorkloadAfter, double ValueBefore, double ValueAfter,
        IReadOnlyList<int> TierMix, int Gained, int Lost);

    public sealed record RunDetail(RunRow Run, IReadOnlyList<string> Tiers, IReadOnlyList<RepFigures> Reps);

    public sealed record Change(string Customer, string? Current, string? Proposed, double Fit, string Reason, bool Applied);

    public sealed record Explanation(string Customer, long Run, string? Current, string? Proposed, double Fit, string Reason, bool Applied, JsonElement Details);

    public sealed record ApplyRequest(IReadOnlyList<string>? Customers, IReadOnlyList<string>? Reps);

    public sealed record ApplyResult(long Run, int Applied, int Unchanged, int Skipped);

    public static void MapAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/policies/default", () => TypedResults.Ok(new PolicyText(PolicyParser.Parse(BuiltInPolicies.Default, "default policy").Name, BuiltInPolicies.Default)))
            .RequireAuthorization(AuthSetup.Manager).WithTags("allocation");
        var group = app.MapGroup("/api/allocation/runs").WithTags("allocation");
        group.MapPost("/", Propose).RequireAuthorization(AuthSetup.Manager).Accepts<ProposeRequest>("application/json");
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Detail).RequireAuthorization(AuthSetup.Manager);
        group.MapGet("/{id:long}/changes", Changes).RequireAuthorization(AuthSetup.Manager);
        group.MapGet("/{id:long}/customers/{key}", Why);
        group.MapPost("/{id:long}/apply", Apply).RequireAuthorization(AuthSetup.Manager).Accepts<ApplyRequest>("application/json");
    }

    /// <summary>Proposes owners for the book with a policy (default the bundled one) and stores the run.</summary>
    private static async Task<Results<Created<Proposal>, ProblemHttpResult>> Propose(HttpContext ctx, IStore store, ServerSettings settings)
    {
        var (request, problem) = await JsonBody.Read(ctx, settings, new ProposeRequest(null, null, null, null));
        if (problem is not null) return problem;
        var strategy = request!.Strategy is { } s ? AllocationRuns.ParseStrategy(s) : AllocationStrategy.Optimal;
        if (strategy is null) return Problems.BadRequest($"strategy: expected optimal, greedy or round_robin, not '{request.Strategy}'");
        if (request.MaxChanges is < 0) return Problems.BadRequest("max_changes must be 0 or more");
        if (request.MaxChanges is not null && strategy != AllocationStrategy.Optimal) return Problems.BadRequest("max_changes works with the optimal strategy");
        string text = string.IsNullOrWhiteSpace(request.PolicyText) ? BuiltInPolicies.Default : request.PolicyText;
        var policy = PolicyParser.Parse(text, request.PolicyText is null ? "default policy" : "policy_text");
        var (allocation, classificationRun) = AllocationRuns.LoadRequest(store, policy, null);
        allocation = allocation with { Strategy = strategy.Value, NewOnly = request.NewOnly ?? false, MaxChanges = request.MaxChanges };
        var plan = Allocator.Plan(allocation);
        long run = AllocationRuns.Save(store, ctx.Session().User.Name, policy, text, classificationRun, plan, allocation);
        var summary = AllocationRuns.Summary(plan, allocation);
        return TypedResults.Created($"/api/allocation/runs/{run}", new Proposal(run, JsonSerializer.SerializeToElement(summary)));
    }

    private static Results<Ok<Page<RunRow>>, ProblemHttpResult> List(IStore store, ServerSettings settings, int? page, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var rows = store.GetAllocationRuns(offset + size + 1).Skip(offset).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, Row));
    }

    /// <summary>Per rep (the manager's team; an admin: all): load and value before and after, customers gained and lost.</summary>
    private static Results<Ok<RunDetail>, ProblemHttpResult> Detail(long id, HttpContext ctx, IStore store)
    {
        var run = store.GetAllocationRun(id);
        if (run is null) return Problems.NotFound($"no allocation run {id}");
        var scope = ctx.Session().Scope;
        using var summary = JsonDocument.Parse(run.SummaryJson);
        var root = summary.RootElement;
        var tiers = root.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()!).ToList();
        var reps = root.GetProperty("reps").EnumerateArray()
            .Where(r => scope.CoversRep(r.GetProperty("rep").GetString()!))
            .Select(r => new RepFigures(r.GetProperty("rep").GetString()!, r.GetProperty("capacity").GetInt32(), r.GetProperty("load_before").GetInt32(),
                r.GetProperty("load_after").GetInt32(), r.GetProperty("workload_after").GetDouble(), r.GetProperty("value_before").GetDouble(),
                r.GetProperty("value_after").GetDouble(), [.. r.GetProperty("tier_mix").EnumerateArray().Select(x => x.GetInt32())],
                r.GetProperty("gained").GetInt32(), r.GetProperty("lost").GetInt32()))
            .ToList();
        return TypedResults.Ok(new RunDetail(Row(run), tiers, reps));
    }

    /// <summary>The proposed owner changes touching the user's reps (an admin: all), by customer key.</summary>
    private static Results<Ok<Page<Change>>, ProblemHttpResult> Changes(long id, HttpContext ctx, IStore store, ServerSettings settings, int? page,
        [FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        if (store.GetAllocationRun(id) is null) return Problems.NotFound($"no allocation run {id}");
        var scope = ctx.Session().Scope;
        var rows = store.ReadAllocations(id)
            .Where(a => IsChange(a) && (scope.Covers(a.CurrentRep) || scope.Covers(a.ProposedRep)))
            .Skip(offset).Take(size + 1).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, a => new Change(a.CustomerKey, a.CurrentRep, a.ProposedRep, a.Fit, a.Reason, a.Applied)));
    }

    /// <summary>Why a customer goes to its proposed rep: fit by component, runner-up, margin, binding constraint.</summary>
    private static Results<Ok<Explanation>, ProblemHttpResult> Why(long id, string key, HttpContext ctx, IStore store)
    {
        if (CustomerEndpoints.Visible(ctx, store, key) is null) return Problems.NotFound($"no customer '{key}'");
        var a = store.GetAllocation(id, key);
        if (a is null) return Problems.NotFound($"customer '{key}' is not in allocation run {id}");
        using var details = JsonDocument.Parse(a.DetailsJson);
        return TypedResults.Ok(new Explanation(key, id, a.CurrentRep, a.ProposedRep, a.Fit, a.Reason, a.Applied, details.RootElement.Clone()));
    }

    /// <summary>Applies a run's changes (default all; or those of some customers or reps), recording the user in the
    /// owner history. A manager may apply only changes whose current and proposed reps are both in its team: naming
    /// others is refused (403); by default they are left out and counted as skipped.</summary>
    private static async Task<Results<Ok<ApplyResult>, ProblemHttpResult>> Apply(long id, HttpContext ctx, IStore store, ServerSettings settings)
    {
        var (request, problem) = await JsonBody.Read(ctx, settings, new ApplyRequest(null, null));
        if (problem is not null) return problem;
        if (store.GetAllocationRun(id) is null) return Problems.NotFound($"no allocation run {id}");
        var customers = request!.Customers is { Count: > 0 } c ? c.ToHashSet(StringComparer.Ordinal) : null;
        var reps = request.Reps is { Count: > 0 } r ? r.ToHashSet(StringComparer.Ordinal) : null;
        bool Selected(StoredAllocation a) => (customers is null || customers.Contains(a.CustomerKey))
            && (reps is null || reps.Contains(a.ProposedRep!) || (a.CurrentRep is not null && reps.Contains(a.CurrentRep)));
        var scope = ctx.Session().Scope;
        bool Mine(StoredAllocation a) => a.ProposedRep is not null && scope.CoversRep(a.ProposedRep) && scope.Covers(a.CurrentRep);
        var outside = store.ReadAllocations(id).Where(a => IsChange(a) && !a.Applied && Selected(a) && !Mine(a)).ToList();
        if (outside.Count > 0 && (customers is not null || reps is not null))
        {
            return TypedResults.Problem($"{outside.Count} of the selected change(s) move customers from or to reps outside your team "
                + $"(e.g. {string.Join(", ", outside.Take(5).Select(a => $"{a.CustomerKey}: {a.CurrentRep ?? "(none)"} → {a.ProposedRep}"))}); "
                + "a manager applies only changes within its team — select those, or ask an admin", statusCode: StatusCodes.Status403Forbidden, title: "Not your team");
        }
        var outcome = store.ApplyAllocation(id, ctx.Session().User.Name, a => Selected(a) && Mine(a));
        return TypedResults.Ok(new ApplyResult(id, outcome.Changed, outcome.Unchanged, outside.Count));
    }

    private static bool IsChange(StoredAllocation a) => a.ProposedRep is not null && a.ProposedRep != a.CurrentRep;

    private static RunRow Row(AllocationRunInfo r) => new(r.Id, r.CreatedAt, r.By, r.PolicyName, r.Strategy, r.ClassificationRunId, r.Customers, r.Changes,
        r.Objective, r.AppliedAt, r.AppliedBy, r.AppliedChanges);
}
