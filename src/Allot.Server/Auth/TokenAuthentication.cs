using System.Security.Claims;
using System.Text.Encodings.Web;
using Allot.Core.Access;
using Allot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Allot.Server.Auth;

/// <summary><c>Authorization: Bearer TOKEN</c> for scripts: the token's SHA-256 is looked up in the store; an unknown,
/// revoked or expired token, or one of a disabled user, fails with 401.</summary>
internal sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IStore store, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        string token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return Task.FromResult(AuthenticateResult.Fail("malformed token"));
        var user = store.FindTokenUser(ApiToken.Hash(token), clock.GetUtcNow());
        if (user is null) return Task.FromResult(AuthenticateResult.Fail("unknown, revoked or expired token"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.User.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
