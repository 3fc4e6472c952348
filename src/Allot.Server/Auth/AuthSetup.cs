using System.Security.Claims;
using Allot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Allot.Server.Auth;

/// <summary>Authentication (session cookie for the UI, bearer token for scripts), the per-request user, role policies
/// and the anti-forgery check on cookie-authenticated writes.</summary>
internal static class AuthSetup
{
    public const string Manager = "manager";
    public const string Admin = "admin";
    private const string Either = "cookie-or-token";
    public const string CsrfHeader = "X-XSRF-TOKEN";

    public static IServiceCollection AddAllotAuth(this IServiceCollection services, ServerSettings settings)
    {
        services.AddAuthentication(Either)
            .AddPolicyScheme(Either, "session cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "allot.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403, never a redirect to a login page.
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Manager, p => p.RequireRole("manager", "admin"))
            .AddPolicy(Admin, p => p.RequireRole("admin"));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "allot.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton(sp => new LoginThrottle(settings.MaxFailedLogins, settings.FailedLoginWindow, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>After authentication: loads the user from the store (a deleted or disabled user is signed out with
    /// 401), puts its role on the principal for the role policies, and checks the anti-forgery token on writes
    /// that rely on the session cookie.</summary>
    public static IApplicationBuilder UseAllotSession(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity is { IsAuthenticated: true, Name: { } name } identity)
        {
            var store = ctx.RequestServices.GetRequiredService<IStore>();
            var stored = store.GetUser(name);
            if (stored is null || stored.User.Disabled)
            {
                await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                await Problems.Write(ctx, StatusCodes.Status401Unauthorized, "Signed out", "this user no longer exists or is disabled");
                return;
            }
            bool viaToken = identity.AuthenticationType == TokenAuthentication.SchemeName;
            ctx.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, stored.User.Name), new Claim(ClaimTypes.Role, stored.User.Role.ToString().ToLowerInvariant())],
                identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
            ctx.Features.Set(new Session(stored.User, viaToken, store));
        }
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method) && !HttpMethods.IsOptions(ctx.Request.Method)
            && ctx.Request.Path.StartsWithSegments("/api") && ctx.Features.Get<Session>() is not { ViaToken: true }
            && !ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(ctx))
            {
                await Problems.Write(ctx, StatusCodes.Status400BadRequest, "Anti-forgery check failed",
                    $"a write with the session cookie needs the {CsrfHeader} header from GET /api/auth/antiforgery (fetch it again after signing in)");
                return;
            }
        }
        await next(ctx);
    });

    /// <summary>The request's signed-in user (endpoints behind the fallback policy always have one).</summary>
    public static Session Session(this HttpContext ctx) =>
        ctx.Features.Get<Session>() ?? throw new InvalidOperationException("no signed-in user on this request");
}
