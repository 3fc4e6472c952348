using Allot.Core.Classification.Runs;
using Allot.Core.Classification.Schemes;
using Allot.Server.Auth;
using Allot.Storage;
using Allot.Storage.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Allot.Server.Endpoints;

/// <summary>Schemes and classification runs: run a scheme on the store (managers), list and read runs, explain a
/// customer, compare two runs. Figures of a run are over the customers in the user's scope.</summary>
internal static class ClassificationEndpoints
{
    public sealed record SchemeText(string Name, string Description, string Text);

    public sealed record ClassifyRequest(string? SchemeText, string? Example, DateOnly? AsOf);

    public sealed record RunRow(long Id, DateTimeOffset CreatedAt, string By, DateOnly AsOf, string Scheme, int Customers, IReadOnlyList<string> TierClasses);

    public sealed record Comparison(long RunA, long RunB, IReadOnlyList<MigrationCell> Matrix, int MovedUp, int MovedDown,
        IReadOnlyList<TierMove> Up, IReadOnlyList<TierMove> Down);

    public static void MapClassificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schemes", () => TypedResults.Ok(BuiltInSchemes.All
            .Select(s => new SchemeText(s.Name, SchemeParser.Parse(s.Json, s.Name).Description, s.Json)).ToList()))
            .RequireAuthorization(AuthSetup.Manager).WithTags("classification");

        var runs = app.MapGroup("/api/classification").WithTags("classification");
        runs.MapPost("/runs", Classify).RequireAuthorization(AuthSetup.Manager).Accepts<ClassifyRequest>("application/json");
        runs.MapGet("/runs", List);
        runs.MapGet("/runs/{id:long}", Detail);
        runs.MapGet("/runs/{id:long}/customers/{key}", Explain);
        runs.MapGet("/compare", Compare).RequireAuthorization(AuthSetup.Manager);
    }

    /// <summary>Runs a scheme (given as text, or a bundled example; default the bundled default) on the store's book
    /// and stores the run, recorded as the user's.</summary>
    private static async Task<Results<Created<ClassificationSummary>, ProblemHttpResult>> Classify(HttpContext ctx, IStore store, ServerSettings settings)
    {
        var (request, problem) = await JsonBody.Read(ctx, settings, new ClassifyRequest(null, null, null));
        if (problem is not null) return problem;
        if (request!.SchemeText is not null && request.Example is not null) return Problems.BadRequest("give scheme_text or example, not both");
        string text;
        if (request.Example is { } example)
        {
            var found = BuiltInSchemes.All.FirstOrDefault(s => string.Equals(s.Name, example, StringComparison.OrdinalIgnoreCase));
            if (found.Json is null) return Problems.BadRequest($"no bundled scheme '{example}'; bundled: {string.Join(", ", BuiltInSchemes.All.Select(s => s.Name))}");
            text = found.Json;
        }
        else text = string.IsNullOrWhiteSpace(request.SchemeText) ? BuiltInSchemes.Default : request.SchemeText;
        var scheme = SchemeParser.Parse(text, request.SchemeText is null ? "bundled scheme" : "scheme_text");
        var classified = ClassificationRuns.Run(store, scheme, request.AsOf);
        long run = ClassificationRuns.Save(store, ctx.Session().User.Name, text, classified);
        return TypedResults.Created($"/api/classification/runs/{run}", ClassificationRuns.Summary(classified, run));
    }

    private static Results<Ok<Page<RunRow>>, ProblemHttpResult> List(IStore store, ServerSettings settings, int? page, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var rows = store.GetClassificationRuns(offset + size + 1).Skip(offset).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, r => new RunRow(r.Id, r.CreatedAt, r.By, r.AsOf, r.SchemeName, r.Customers, r.TierClasses)));
    }

    /// <summary>Per classifier its classes with customers, revenue and profit shares and means, over the user's customers.</summary>
    private static Results<Ok<ClassificationSummary>, ProblemHttpResult> Detail(long id, HttpContext ctx, IStore store)
    {
        var run = Run(store, id);
        if (run is null) return Problems.NotFound($"no classification run {id}");
        return TypedResults.Ok(ClassificationRuns.Summary(store, run, InScope.Customers(ctx, store)));
    }

    private static Results<Ok<StoredClassification>, ProblemHttpResult> Explain(long id, string key, HttpContext ctx, IStore store)
    {
        if (CustomerEndpoints.Visible(ctx, store, key) is null) return Problems.NotFound($"no customer '{key}'");
        var c = store.GetClassification(id, key);
        return c is null ? Problems.NotFound($"customer '{key}' is not in classification run {id}") : TypedResults.Ok(c);
    }

    /// <summary>Migration matrix from run a to run b (tier from → to: customers and revenue) and the top movers, over
    /// the user's customers.</summary>
    private static Results<Ok<Comparison>, ProblemHttpResult> Compare(long? a, long? b, int? top, HttpContext ctx, IStore store)
    {
        if (a is null || b is null) return Problems.BadRequest("give two runs: ?a=EARLIER&b=LATER");
        if (top is < 0 or > 1000) return Problems.BadRequest("top must be between 0 and 1000");
        var runA = Run(store, a.Value);
        var runB = Run(store, b.Value);
        if (runA is null || runB is null) return Problems.NotFound($"no classification run {(runA is null ? a : b)}");
        var include = InScope.Customers(ctx, store);
        IEnumerable<(string, string, double)> Rows(long run) => store.ReadClassifications(run)
            .Where(c => include is null || include(c.CustomerKey)).Select(c => (c.CustomerKey, c.Tier, c.Revenue));
        var cmp = RunComparison.Compare(runB.TierClasses, Rows(runA.Id), Rows(runB.Id));
        int n = top ?? 20;
        return TypedResults.Ok(new Comparison(runA.Id, runB.Id, cmp.Cells, cmp.Up.Count, cmp.Down.Count, [.. cmp.Up.Take(n)], [.. cmp.Down.Take(n)]));
    }

    /// <summary>A stored run by number, or null.</summary>
    public static ClassificationRunInfo? Run(IStore store, long id) =>
        id < 1 ? null : store.GetClassificationRuns(int.MaxValue).FirstOrDefault(r => r.Id == id);
}
