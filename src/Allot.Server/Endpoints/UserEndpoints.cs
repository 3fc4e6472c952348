using Allot.Core.Access;
using Allot.Server.Auth;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>Users (admins only: list and add, as <c>allot user list|add</c>) and a user's own API tokens
/// (as <c>allot token create</c>: the token is shown once, only its hash is kept).</summary>
internal static class UserEndpoints
{
    private static readonly string Roles = string.Join('|', Enum.GetNames<Role>().Select(n => n.ToLowerInvariant()));

    public sealed record UserRow(string Name, Role Role, string? Rep, string? Team, bool Disabled, string CreatedAt);

    public sealed record NewUser(string? Name, string? Role, string? Rep, string? Team, string? Password);

    public sealed record NewToken(string? Label, int? Days);

    public sealed record CreatedToken(long Id, string Token, string Label, DateTimeOffset? ExpiresAt);

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("users").RequireAuthorization(AuthSetup.Admin);
        users.MapGet("/", (IStore store) => TypedResults.Ok(store.GetUsers().Select(Row).ToList()));
        users.MapPost("/", Add);
        app.MapPost("/api/auth/tokens", CreateToken).WithTags("auth");
    }

    private static Results<Created<UserRow>, ProblemHttpResult> Add(NewUser request, HttpContext ctx, IStore store)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.Role))
            return Problems.BadRequest($"give name, role ({Roles}) and password, and rep (a rep) or team (a manager)");
        string? role = Enum.GetNames<Role>().FirstOrDefault(n => string.Equals(n, request.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null) return Problems.BadRequest($"unknown role '{request.Role}'; expected {Roles}");
        var user = new User { Name = request.Name.Trim(), Role = Enum.Parse<Role>(role), RepKey = Blank(request.Rep), Team = Blank(request.Team) };
        if (user.Problem() is { } problem) return Problems.BadRequest(problem.Replace("--rep KEY", "rep", StringComparison.Ordinal).Replace("--team T", "team", StringComparison.Ordinal));
        if (request.Password is not { Length: >= PasswordHash.MinLength })
            return Problems.BadRequest($"a password needs at least {PasswordHash.MinLength} characters");
        if (user.RepKey is { } key && !store.GetReps().Any(r => r.Key == key))
            return Problems.BadRequest($"no rep with key '{key}': import reps first");
        store.AddUser(user, PasswordHash.Create(request.Password), ctx.Session().User.Name); // a name taken: StoreException → 409
        return TypedResults.Created((string?)null, Row(store.GetUser(user.Name)!));
    }

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateToken(HttpContext ctx, IStore store, ServerSettings settings,
        TimeProvider clock)
    {
        var (request, problem) = await JsonBody.Read(ctx, settings, new NewToken(null, null));
        if (problem is not null) return problem;
        if (request?.Days is < 1 or > 3650) return Problems.BadRequest("days must be between 1 and 3650 (or left out: never expires)");
        string label = string.IsNullOrWhiteSpace(request?.Label) ? "api" : request.Label.Trim();
        if (label.Length > 100) return Problems.BadRequest("label is longer than 100 characters");
        string token = ApiToken.Create();
        var expires = request?.Days is { } d ? clock.GetUtcNow().AddDays(d) : (DateTimeOffset?)null;
        long id = store.AddApiToken(ctx.Session().User.Name, label, ApiToken.Hash(token), expires);
        return TypedResults.Created((string?)null, new CreatedToken(id, token, label, expires));
    }

    private static UserRow Row(StoredUser u) => new(u.User.Name, u.User.Role, u.User.RepKey, u.User.Team, u.User.Disabled, u.CreatedAt);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
