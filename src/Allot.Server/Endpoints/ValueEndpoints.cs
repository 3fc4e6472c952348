using Allot.Server.Auth;
using Allot.Storage;
using Allot.Storage.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Allot.Server.Endpoints;

/// <summary>Value runs: fit BG/NBD and Gamma-Gamma on the store's orders (managers), list the runs, and the churn
/// warnings of the user's customers.</summary>
internal static class ValueEndpoints
{
    public sealed record FitResult(long Run, string Model, IReadOnlyDictionary<string, double> Params, double LogLikelihood, bool Converged,
        IReadOnlyDictionary<string, double> SpendParams, DateOnly CalibrationEnd, string Unit, int Customers, int Warnings);

    public sealed record ValueRunRow(long Id, DateTimeOffset CreatedAt, string By, string Model, string Unit, DateOnly CalibrationEnd,
        double LogLikelihood, bool Converged, int Customers, int Warnings, double ChurnThreshold);

    public sealed record ChurnRow(int? Rank, string Customer, double? PAlive, double HistoricValue, double? Clv, double? ValueAtRisk,
        int RepeatPurchases, double SinceLastPurchase, string Unit);

    public static void MapValueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/value").WithTags("value");
        group.MapPost("/runs", (HttpContext ctx, IStore store) =>
        {
            var fit = ValueRuns.FitAndStore(store, ctx.Session().User.Name);
            var a = fit.Analysis;
            return TypedResults.Created($"/api/value/runs/{fit.Run}", new FitResult(fit.Run, a.Model.Name,
                a.Fit.Parameters.ToDictionary(p => p.Name, p => p.Value), a.Fit.LogLikelihood, a.Fit.Converged,
                (a.Spend?.Report.Parameters ?? []).ToDictionary(p => p.Name, p => p.Value),
                fit.Summaries.CalibrationEnd, Core.Value.TimeUnits.Name(fit.Summaries.Unit), fit.Summaries.Count, a.Churn.Warnings.Count));
        }).RequireAuthorization(AuthSetup.Manager);
        group.MapGet("/runs", List);
        group.MapGet("/churn", Churn);
    }

    private static Results<Ok<Page<ValueRunRow>>, ProblemHttpResult> List(IStore store, ServerSettings settings, int? page, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var rows = store.GetValueRuns(offset + size + 1).Skip(offset).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, r => new ValueRunRow(r.Id, r.CreatedAt, r.By, r.Run.Model, r.Run.Unit, r.Run.CalibrationEnd,
            r.Run.LogLikelihood, r.Run.Converged, r.Run.Customers, r.Run.Warnings, r.Run.ChurnThreshold)));
    }

    /// <summary>Churn warnings of a value run (default the latest) among the user's customers, largest value at risk first.</summary>
    private static Results<Ok<Page<ChurnRow>>, ProblemHttpResult> Churn(HttpContext ctx, IStore store, ServerSettings settings, long? run, int? page,
        [FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var info = run is { } id ? store.GetValueRuns(int.MaxValue).FirstOrDefault(r => r.Id == id) : store.GetValueRuns(1).FirstOrDefault();
        if (info is null) return Problems.NotFound(run is null ? "no value run yet: a manager fits one with POST /api/value/runs" : $"no value run {run}");
        var rows = Warnings(store, info, InScope.Customers(ctx, store)).Skip(offset).Take(size + 1).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, r => r));
    }

    /// <summary>A run's churn warnings among the customers <paramref name="include"/> admits, largest value at risk first.</summary>
    public static IEnumerable<ChurnRow> Warnings(IStore store, ValueRunInfo info, Func<string, bool>? include) =>
        store.GetChurnWarnings(info.Id, int.MaxValue).Where(w => include is null || include(w.CustomerKey))
            .Select(w => new ChurnRow(w.ChurnRank, w.CustomerKey, w.ProbabilityAlive, Math.Round(w.HistoricValue, 2), Round(w.Clv), Round(w.ValueAtRisk),
                w.X, Math.Round(w.T - w.Tx, 2), info.Run.Unit));

    private static double? Round(double? v) => v is { } x && double.IsFinite(x) ? Math.Round(x, 2) : null;
}
