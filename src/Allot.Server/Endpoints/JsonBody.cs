using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Allot.Server.Endpoints;

/// <summary>A JSON request body that may be left out, read within <see cref="ServerSettings.MaxJsonBytes"/> (scheme and policy texts come
/// in JSON): a body past the limit is refused with 413 before it is parsed, one that is not JSON with 400.</summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>; <paramref name="empty"/> when there is no body; or a problem
    /// (413 too large, 400 not JSON).</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> Read<T>(HttpContext ctx, ServerSettings settings, T empty) where T : class
    {
        long max = settings.MaxJsonBytes;
        var request = ctx.Request;
        if (request.ContentLength > max) return (null, TooLarge(max));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            if (buffer.Length + n > max) return (null, TooLarge(max));
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0) return (empty, null);
        if (!request.HasJsonContentType()) return (null, Problems.BadRequest("expected a JSON body (Content-Type: application/json)"));
        var options = ctx.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return value is null ? (empty, null) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"the body is not the JSON expected: {e.Message}"));
        }
    }

    private static ProblemHttpResult TooLarge(long max) => TypedResults.Problem(
        $"the body is larger than {max / 1024:N0} KiB, the most accepted here", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
}
