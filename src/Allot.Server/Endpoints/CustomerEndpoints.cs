using Allot.Core.Customers;
using Allot.Core.Ownership;
using Allot.Core.Sales;
using Allot.Server.Auth;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>Customers: search and filter (within the user's scope), and one customer's whole story. A customer
/// outside the scope answers 404, the same as one that does not exist.</summary>
internal static class CustomerEndpoints
{
    /// <summary>A customer in a list, with its tier, segment and stage in the classification run the list refers to.</summary>
    public sealed record CustomerRow(string Key, string Name, string? Type, string? Industry, string? Region, string? City,
        string? Owner, DateOnly? OwnerSince, CustomerStatus Status, bool KeyAccount, string? Tier, string? Segment, string? Stage);

    /// <summary>A customer's whole story: profile and contacts, its classification in the latest run with the reasons
    /// and the indicator figures the run kept (as of the run's date), its value-model figures, owner history and orders.</summary>
    public sealed record CustomerDetail(Customer Customer, StoredClassification? Classification, long? ClassificationRun,
        DateOnly? IndicatorsAsOf, IReadOnlyDictionary<string, double?> Indicators,
        StoredCustomerValue? Value, long? ValueRun, IReadOnlyList<AssignmentChange> OwnerHistory, IReadOnlyList<Order> Orders);

    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("customers");
        group.MapGet("/", Search);
        group.MapGet("/{key}", Detail);
    }

    /// <summary>Search (<c>q</c>: key, name, phone or email) and filters; tier, segment and stage refer to the latest
    /// classification run unless <c>run</c> names one.</summary>
    private static Results<Ok<Page<CustomerRow>>, ProblemHttpResult> Search(HttpContext ctx, IStore store, ServerSettings settings,
        string? q, string? tier, string? segment, string? stage, long? run, string? owner, string? region, string? industry, string? type,
        int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        if (q is { Length: > 200 }) return Problems.BadRequest("q is longer than 200 characters");
        var scope = ctx.Session().Scope;
        var query = new CustomerQuery
        {
            Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Tier = Blank(tier), Segment = Blank(segment), Stage = Blank(stage), Run = run,
            Owner = Blank(owner), Region = Blank(region), Industry = Blank(industry), Type = Blank(type),
            Owners = scope.Owners,
            Offset = offset, Limit = size + 1,
        };
        var rows = store.FindCustomers(query);
        long? labelRun = run ?? (store.GetClassificationRuns(1) is [var latest] ? latest.Id : null);
        var labels = labelRun is { } lr && rows.Count > 0 ? store.GetClassLabels(lr, [.. rows.Take(size).Select(c => c.Key)]) : null;
        return TypedResults.Ok(Paging.From(rows, offset, size, c => Row(c, labels?.GetValueOrDefault(c.Key))));
    }

    private static Results<Ok<CustomerDetail>, ProblemHttpResult> Detail(string key, HttpContext ctx, IStore store)
    {
        var customer = Visible(ctx, store, key);
        if (customer is null) return Problems.NotFound($"no customer '{key}'");
        var run = store.GetClassificationRuns(1) is [var c] ? c : null;
        var classification = run is null ? null : store.GetClassification(run.Id, key);
        var indicators = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        if (classification is not null)
        {
            indicators["amount"] = classification.Revenue;
            for (int i = 0; i < run!.FigureNames.Count && i < classification.Figures.Count; i++)
                indicators[run.FigureNames[i]] = double.IsFinite(classification.Figures[i]) ? classification.Figures[i] : null;
        }
        long? valueRun = store.GetValueRuns(1) is [var v] ? v.Id : null;
        return TypedResults.Ok(new CustomerDetail(customer, classification, run?.Id, classification is null ? null : run!.AsOf, indicators,
            valueRun is { } vr ? store.GetCustomerValue(vr, key) : null, valueRun,
            store.GetOwnerHistory(key), store.GetOrders(key)));
    }

    /// <summary>The customer when it exists and the user may see it; else null (the caller answers 404 either way).</summary>
    public static Customer? Visible(HttpContext ctx, IStore store, string key)
    {
        if (key.Length is 0 or > 200) return null;
        var customer = store.GetCustomer(key);
        return customer is not null && ctx.Session().Scope.Covers(customer.OwnerRepKey) ? customer : null;
    }

    private static CustomerRow Row(Customer c, StoredClassLabels? labels) =>
        new(c.Key, c.Name, c.Type, c.Industry, c.Region, c.City, c.OwnerRepKey, c.OwnerSince, c.Status, c.KeyAccount,
            labels?.Tier, labels?.Segment, labels?.LifecycleStage);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
