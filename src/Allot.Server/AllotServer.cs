using Allot.Server.Auth;
using Allot.Server.Endpoints;
using Allot.Storage;
using Microsoft.Extensions.FileProviders;

namespace Allot.Server;

/// <summary>Builds the server: the store per request, authentication and roles, the API under <c>/api</c>, the
/// OpenAPI document at <c>/openapi/v1.json</c>, and the web UI's static files.</summary>
public static class AllotServer
{
    /// <summary>The application for these arguments (ASP.NET Core's: <c>--urls</c>, <c>--Allot:Db=…</c>, …).</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settings = ServerSettings.From(builder.Configuration);
        // Per-request framework logs (request started/finished, endpoint executed) cost more than a search: warnings only.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        // SQLite: one connection per request, opened when first asked for and closed with the request, from the pool and
        // without the migration check (the store was migrated once at start). PostgreSQL: one store for the process (its
        // connection pool; every operation takes a pooled connection of its own).
        if (StoreFactory.IsServer(settings.Db))
            services.AddSingleton<IStore>(sp => StoreFactory.Open(settings.Db, create: false, sp.GetRequiredService<TimeProvider>()));
        else
            services.AddScoped<IStore>(sp => StoreFactory.OpenMigrated(settings.Db, sp.GetRequiredService<TimeProvider>()));
        services.AddProblemDetails();
        services.AddExceptionHandler<Problems.Handler>();
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddOpenApi();
        services.AddAllotAuth(settings);
        services.AddSingleton<Maintenance.DailySchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<Maintenance.DailySchedule>());
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxUploadBytes);

        var app = builder.Build();
        Prepare(app, settings);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'";
            await next(ctx);
        });
        var files = new PhysicalFileProvider(Directory.Exists(settings.WebRoot) ? settings.WebRoot : AppContext.BaseDirectory);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseBodyLimits(settings);
        app.UseAuthentication();
        app.UseAllotSession();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapCustomerEndpoints();
        app.MapJobEndpoints();
        app.MapClassificationEndpoints();
        app.MapDashboardEndpoints();
        app.MapValueEndpoints();
        app.MapAllocationEndpoints();
        app.MapInteractionEndpoints();
        app.MapRepEndpoints();
        app.MapImportEndpoints();
        app.MapUserEndpoints();
        app.MapPoolEndpoints();
        app.MapFallback("/api/{**rest}", () => Problems.NotFound("no such API endpoint")).AllowAnonymous();
        return app;
    }

    /// <summary>Creates or migrates the store once at start, and says how to add the first user when there is none.</summary>
    private static void Prepare(WebApplication app, ServerSettings settings)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Allot.Server");
        IStore store;
        try
        {
            store = StoreFactory.Open(settings.Db, create: true, app.Services.GetRequiredService<TimeProvider>());
        }
        catch (StoreException e) when (StoreFactory.IsServer(settings.Db))
        {
            // A database server may come back: start anyway, answer 503 until it does.
            log.LogError("store unavailable at start: {Message}; requests answer 503 until it returns", e.Message);
            return;
        }
        using var _ = store;
        log.LogInformation("store {Store}, schema version {Version}", settings.DbDescription, store.SchemaVersion);
        if (store.GetUsers().Count == 0)
            log.LogWarning("no users yet: create the first with `allot user add NAME --role admin` (password from stdin), then sign in");
    }
}
