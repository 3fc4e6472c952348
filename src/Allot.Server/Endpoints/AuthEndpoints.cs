using System.Security.Claims;
using Allot.Core.Access;
using Allot.Server.Auth;
using Allot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>Sign in and out, who am I, the anti-forgery token, and the server's health.</summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest(string? Name, string? Password);

    public sealed record Me(string Name, Role Role, string? Rep, string? Team, bool ViaToken);

    public sealed record Health(string Status, bool HasUsers, string Store, int SchemaVersion, string? Hint);

    public sealed record CsrfToken(string Token, string Header);

    private static readonly string DummyHash = PasswordHash.Create("no such user here");

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (IStore store) =>
        {
            bool hasUsers = store.GetUsers().Count > 0;
            return TypedResults.Ok(new Health("ok", hasUsers, StoreFactory.Describe(store.Location), store.SchemaVersion,
                hasUsers ? null : "no users yet: create the first with `allot user add NAME --role admin`"));
        }).AllowAnonymous().WithTags("auth");

        var auth = app.MapGroup("/api/auth").WithTags("auth");
        auth.MapGet("/antiforgery", (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(ctx);
            return TypedResults.Ok(new CsrfToken(tokens.RequestToken!, AuthSetup.CsrfHeader));
        }).AllowAnonymous();

        auth.MapPost("/login", Login).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        auth.MapGet("/me", (HttpContext ctx) =>
        {
            var s = ctx.Session();
            return TypedResults.Ok(new Me(s.User.Name, s.User.Role, s.User.RepKey, s.User.Team, s.ViaToken));
        });
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> Login(LoginRequest request, HttpContext ctx, IStore store, LoginThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrEmpty(request.Password))
            return Problems.BadRequest("give a name and a password");
        string? address = ctx.Connection.RemoteIpAddress?.ToString();
        if (throttle.Wait(request.Name, address) is { } wait)
        {
            ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem($"too many failed logins for '{request.Name}'; try again in {Math.Ceiling(wait.TotalMinutes)} minute(s)",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
        }
        var stored = store.GetUser(request.Name);
        // An unknown name costs the same hash check as a wrong password and gets the same answer.
        bool ok = PasswordHash.Verify(request.Password, stored?.PasswordHash ?? DummyHash);
        if (stored is null || stored.User.Disabled || !ok)
        {
            throttle.Failed(request.Name, address);
            return TypedResults.Problem("wrong name or password", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
        throttle.Succeeded(request.Name, address);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, stored.User.Name)], CookieAuthenticationDefaults.AuthenticationScheme));
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(new Me(stored.User.Name, stored.User.Role, stored.User.RepKey, stored.User.Team, false));
    }
}
