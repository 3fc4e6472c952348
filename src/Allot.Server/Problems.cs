using Allot.Core.Allocation.Policies;
using Allot.Core.Classification.Schemes;
using Allot.Core.Maintenance;
using Allot.Import.Reading;
using Allot.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server;

/// <summary>Errors as RFC 9457 problem details: what went wrong, in one sentence, never a stack trace.</summary>
public static class Problems
{
    /// <summary>400 with a message.</summary>
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: 400, title: "Bad request");

    /// <summary>404: no such thing, or not one the user may see (the two are not told apart).</summary>
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404, title: "Not found");

    /// <summary>409: the request conflicts with the store's state.</summary>
    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: 409, title: "Conflict");

    /// <summary>Writes a problem straight to the response (middleware).</summary>
    public static async Task Write(HttpContext ctx, int status, string title, string detail)
    {
        ctx.Response.StatusCode = status;
        await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Maps the domain's exceptions to 400/409/503 with their message; anything else is a 500 with no details.</summary>
    internal sealed class Handler(ILogger<Handler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception e, CancellationToken cancellationToken)
        {
            (int status, string title) = e switch
            {
                StoreException s when Unavailable(s.Message) => (503, "Store unavailable"),
                StoreException => (409, "Conflict"),
                SchemeException or PolicyException or RulesException or ImportFileException or ArgumentException or FormatException => (400, "Bad request"),
                BadHttpRequestException b => (b.StatusCode, "Bad request"),
                _ => (500, "Unexpected error"),
            };
            if (status == 500) log.LogError(e, "unexpected error on {Path}", ctx.Request.Path);
            string detail = status == 500 ? "the server failed unexpectedly; the log has the details" : e.Message;
            if (status == 503) ctx.Response.Headers.RetryAfter = "5";
            await Write(ctx, status, title, detail);
            return true;
        }

        // The PostgreSQL store's messages for a server that is down, restarting or full (PostgresErrors).
        private static bool Unavailable(string message) =>
            new[] { "cannot reach", "did not answer", "lost the connection", "ended the connection", "starting up", "too many connections" }
                .Any(m => message.Contains(m, StringComparison.Ordinal));
    }
}
