using Allot.Core.Engagement;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>A customer's interactions (follow-ups), in the user's scope: 404 for a customer outside it.</summary>
internal static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/customers/{key}/interactions", List).WithTags("customers");

    /// <summary>Newest first, paged.</summary>
    private static Results<Ok<Page<Interaction>>, ProblemHttpResult> List(string key, HttpContext ctx, IStore store, ServerSettings settings,
        int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        if (CustomerEndpoints.Visible(ctx, store, key) is null) return Problems.NotFound($"no customer '{key}'");
        var rows = store.GetInteractions(key).Skip(offset).Take(size + 1).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, x => x));
    }
}
