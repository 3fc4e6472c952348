using System.Globalization;
using Allot.Core.Access;
using Allot.Core.Customers;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Server.Auth;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>The public pool (公海) as <c>allot pool list|claim|assign</c>: the pool customers a user may claim or assign,
/// contact details masked for reps until they claim; a rep's claim within the limits, a pool manager's assignment.</summary>
/// <remarks>Who sees which pool: an admin every pool; a manager the pools the rules name it a manager of, or that serve
/// a rep of its team; a rep the pools that serve it. Pool managers (who may assign) are the user names the rules
/// file lists, as on the command line.</remarks>
internal static class PoolEndpoints
{
    public sealed record PoolRow(string Key, string Name, string Pool, string? Region, string? Industry, string? Tier, DateOnly? InPoolSince,
        int? Days, string? Phone, string? Email, IReadOnlyList<Contact> Contacts, bool Masked);

    public sealed record ClaimRequest(string? Rep);

    public sealed record ClaimResult(string Customer, string Rep, string Result, string Message);

    public static void MapPoolEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pool").WithTags("pool");
        group.MapGet("/", List);
        group.MapPost("/{key}/claim", Claim);
    }

    private static Results<Ok<Page<PoolRow>>, ProblemHttpResult> List(HttpContext ctx, IStore store, ServerSettings settings, TimeProvider clock,
        string? pool, string? region, string? tier, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var rules = Rules(settings);
        var user = ctx.Session().User;
        var reps = store.GetReps();
        var visible = rules.Pools.Where(p => Sees(user, p, rules, reps)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        List<BookCustomer> rows;
        using (var session = store.BeginMaintenance(write: false))
        {
            rows = [.. session.ReadBook(CustomerStatus.Pool)
                .Where(c => visible.Contains(rules.PoolOf(c.Region).Name)
                    && (pool is null || rules.PoolOf(c.Region).Name == pool) && (region is null || c.Region == region) && (tier is null || c.Tier == tier))
                .Skip(offset).Take(size + 1)];
        }
        var viewer = Viewer(user);
        var today = Today(clock);
        return TypedResults.Ok(Paging.From(rows, offset, size, b =>
        {
            var c = store.GetCustomer(b.Key)!;
            var shown = ContactRedaction.Redact(c, viewer, rules);
            return new PoolRow(b.Key, b.Name, rules.PoolOf(b.Region).Name, b.Region, c.Industry, b.Tier, b.OwnerSince,
                b.OwnerSince is { } s ? today.DayNumber - s.DayNumber : null, shown.Phone, shown.Email, shown.Contacts, !ReferenceEquals(shown, c));
        }));
    }

    /// <summary>A rep claims for itself (<c>rep</c> left out or its own); a manager or admin gives <c>rep</c> and assigns.
    /// Refusals are 409 with the reason, but for a customer or rep the user may not see (404) and an assignment by
    /// someone the rules do not name a manager of the pool (403).</summary>
    private static async Task<Results<Ok<ClaimResult>, ProblemHttpResult>> Claim(string key, HttpContext ctx, IStore store,
        ServerSettings settings, TimeProvider clock)
    {
        var (request, problem) = await JsonBody.Read(ctx, settings, new ClaimRequest(null));
        if (problem is not null) return problem;
        var s = ctx.Session();
        var user = s.User;
        string? rep = string.IsNullOrWhiteSpace(request?.Rep) ? null : request.Rep.Trim();
        bool assign = s.IsManager;
        if (!assign)
        {
            if (rep is not null && rep != user.RepKey)
                return TypedResults.Problem("a rep claims for itself: leave rep out", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
            rep = user.RepKey!;
        }
        else if (rep is null) return Problems.BadRequest("give the rep to assign the customer to: {\"rep\": \"KEY\"}");
        else if (!s.Scope.CoversRep(rep)) return Problems.NotFound($"no rep '{rep}'");
        var rules = Rules(settings);
        var today = Today(clock);
        using var session = store.BeginMaintenance();
        var customer = key.Length is > 0 and <= 200 ? session.GetBookCustomer(key) : null;
        // A customer the user could not see, in the pool or as its own, is as good as missing.
        if (customer is null || (!s.Scope.Covers(customer.OwnerRepKey) && !(customer.Status == CustomerStatus.Pool
            && Sees(user, rules.PoolOf(customer.Region), rules, session.ReadReps()))))
            return Problems.NotFound($"no customer '{key}'");
        var verdict = assign ? PoolActions.Assign(session, rules, key, rep, user.Name, today) : PoolActions.Claim(session, rules, key, rep, user.Name, today);
        if (!verdict.Allowed)
        {
            return verdict.Refusal switch
            {
                ClaimRefusal.UnknownCustomer or ClaimRefusal.UnknownRep => Problems.NotFound(verdict.Message),
                ClaimRefusal.NotManager => TypedResults.Problem(verdict.Message + " (the rules file names the pool managers)",
                    statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
                _ => TypedResults.Problem(verdict.Message, statusCode: StatusCodes.Status409Conflict, title: "Refused",
                    extensions: new Dictionary<string, object?> { ["reason"] = Snake(verdict.Refusal.ToString()!) }),
            };
        }
        session.Commit();
        return TypedResults.Ok(new ClaimResult(key, rep, assign ? "assigned" : "claimed", verdict.Message));
    }

    private static bool Sees(User user, PoolDefinition pool, MaintenanceRules rules, IReadOnlyList<Core.Reps.Rep> reps) => user.Role switch
    {
        Role.Admin => true,
        Role.Manager => rules.IsManager(user.Name, pool) || reps.Any(r => r.Team is not null && r.Team == user.Team && pool.Serves(r)),
        _ => reps.FirstOrDefault(r => r.Key == user.RepKey) is { } me && pool.Serves(me),
    };

    private static Viewer Viewer(User user) => user.Role switch
    {
        Role.Admin => Core.Pool.Viewer.Administrator,
        Role.Manager => Core.Pool.Viewer.Manager(user.Name),
        _ => Core.Pool.Viewer.Rep(user.RepKey ?? "-"),
    };

    /// <summary>The rules file when there is one, else the built-in defaults (as <c>allot pool list|claim</c>).</summary>
    private static MaintenanceRules Rules(ServerSettings settings) =>
        File.Exists(settings.RulesPath)
            ? RulesParser.Parse(File.ReadAllText(settings.RulesPath), settings.RulesPath)
            : RulesParser.Parse(DefaultRules.Text, "built-in defaults");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString(CultureInfo.InvariantCulture)));
}
