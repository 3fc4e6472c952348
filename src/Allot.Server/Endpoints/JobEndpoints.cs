using Allot.Core.Maintenance;
using Allot.Server.Auth;
using Allot.Server.Maintenance;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>The daily job: its records, and running it now (managers).</summary>
internal static class JobEndpoints
{
    public sealed record DailyNow(bool Ran, DateOnly Day, JobRun? Record, string? Problem);

    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("jobs").RequireAuthorization(AuthSetup.Manager);
        group.MapGet("/", (IStore store) => TypedResults.Ok(store.GetJobRuns()));
        group.MapPost("/daily", Results<Ok<DailyNow>, ProblemHttpResult> (DailySchedule schedule, ServerSettings settings, TimeProvider clock) =>
        {
            var day = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            if (!File.Exists(settings.RulesPath))
                return Problems.Conflict($"no rules file at {settings.RulesPath}: write and review one with `allot pool init` first");
            bool ran = schedule.RunOnce(day);
            using var store = StoreFactory.Open(settings.Db, create: false, clock);
            var record = store.GetJobRuns(20).FirstOrDefault(r => r.Job == "daily" && r.Day == day);
            return ran ? TypedResults.Ok(new DailyNow(true, day, record, null))
                : Problems.Conflict("the daily job failed and nothing of it was kept; the server log says why");
        });
    }
}
