using Microsoft.AspNetCore.Http.Features;

namespace Allot.Server;

/// <summary>Request body limits: uploads (<c>POST /api/imports/…</c>) up to <see cref="ServerSettings.MaxUploadBytes"/>,
/// every other body up to <see cref="ServerSettings.MaxJsonBytes"/>; larger ones get a 413 problem before anything is read.</summary>
internal static class BodyLimits
{
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app, ServerSettings settings) => app.Use(async (ctx, next) =>
    {
        bool upload = HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.StartsWithSegments("/api/imports");
        long limit = upload ? settings.MaxUploadBytes : settings.MaxJsonBytes;
        if (ctx.Request.ContentLength > limit)
        {
            await Problems.Write(ctx, StatusCodes.Status413PayloadTooLarge, "Too large",
                $"the request body has {ctx.Request.ContentLength:N0} bytes; at most {limit:N0} are accepted here");
            return;
        }
        // A body without a length (chunked) is cut off at the limit by the server: Kestrel answers 413 then.
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        await next(ctx);
    });
}
