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
                $"the request body has {ctx.Request.ContentLength:N0} bytes, more than the {limit:N0} accepted here");
            return;
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        // A JSON body without a length (chunked) is read here, up to the limit: reading it later would turn the
        // server's cut-off into a 400 from parameter binding. Uploads are cut off by the multipart reader.
        if (!upload && ctx.Request.ContentLength is null && ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int n;
            while ((n = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > limit)
                {
                    await Problems.Write(ctx, StatusCodes.Status413PayloadTooLarge, "Too large", $"the request body has more than {limit:N0} bytes, the most accepted here");
                    return;
                }
            }
            buffer.Position = 0;
            ctx.Request.Body = buffer;
            ctx.Request.ContentLength = buffer.Length;
        }
        await next(ctx);
    });
}
