using Allot.Core.Reps;
using Allot.Server.Auth;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>Reps in the user's scope (a rep: itself; a manager: its team; an admin: every rep) and their books, by
/// the latest classification and value runs.</summary>
internal static class RepEndpoints
{
    // load: customers over capacity (1 = full), null when the rep has no capacity set; tiers: customers per tier of the
    // latest classification run ("-": not classified); value: sum of the customers' CLV in the latest value run.
    public sealed record RepRow(string Key, string Name, string? Team, RepLevel Level, bool Active, long Customers, int? Capacity, double? Load,
        IReadOnlyDictionary<string, long> Tiers, double Value);

    public sealed record RepDetail(Rep Rep, long Customers, int? Capacity, double? Load, double Value, IReadOnlyList<TierLoad> Tiers);

    // capacity: the rep's cap for the tier, if it has one.
    public sealed record TierLoad(string Tier, long Customers, double Value, int? Capacity);

    public static void MapRepEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reps").WithTags("reps");
        group.MapGet("/", List);
        group.MapGet("/{key}", Detail);
    }

    private static Results<Ok<Page<RepRow>>, ProblemHttpResult> List(HttpContext ctx, IStore store, ServerSettings settings, int? page,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var scope = ctx.Session().Scope;
        var reps = store.GetReps().Where(r => scope.CoversRep(r.Key)).Skip(offset).Take(size + 1).ToList();
        var books = store.GetRepBooks([.. reps.Select(r => r.Key)]).ToDictionary(b => b.RepKey, StringComparer.Ordinal);
        return TypedResults.Ok(Paging.From(reps, offset, size, r =>
        {
            var book = books.GetValueOrDefault(r.Key);
            long customers = book?.Customers ?? 0;
            return new RepRow(r.Key, r.Name, r.Team, r.Level, r.Active, customers, r.Capacity, Load(customers, r.Capacity),
                book?.Tiers.ToDictionary(t => t.Tier, t => t.Customers, StringComparer.Ordinal) ?? [], book?.Value ?? 0);
        }));
    }

    private static Results<Ok<RepDetail>, ProblemHttpResult> Detail(string key, HttpContext ctx, IStore store)
    {
        var rep = key.Length is > 0 and <= 200 && ctx.Session().Scope.CoversRep(key) ? store.GetReps().FirstOrDefault(r => r.Key == key) : null;
        if (rep is null) return Problems.NotFound($"no rep '{key}'");
        var book = store.GetRepBooks([key]).FirstOrDefault();
        long customers = book?.Customers ?? 0;
        var tiers = (book?.Tiers ?? []).Select(t => new TierLoad(t.Tier, t.Customers, t.Value, rep.CapacityByTier.TryGetValue(t.Tier, out int cap) ? cap : null)).ToList();
        return TypedResults.Ok(new RepDetail(rep, customers, rep.Capacity, Load(customers, rep.Capacity), book?.Value ?? 0, tiers));
    }

    private static double? Load(long customers, int? capacity) => capacity is > 0 ? Math.Round((double)customers / capacity.Value, 4) : null;
}
