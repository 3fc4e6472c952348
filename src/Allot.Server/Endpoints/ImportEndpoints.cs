using Allot.Core.Importing;
using Allot.Import.Importing;
using Allot.Import.Presets;
using Allot.Import.Reading;
using Allot.Server.Auth;
using Allot.Server.Imports;
using Allot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Allot.Server.Endpoints;

/// <summary>Uploads imported as <c>allot import</c> does (one transaction for every file; every row imported, updated or
/// rejected with its reason), and the recorded imports. Managers only.</summary>
internal static class ImportEndpoints
{
    /// <summary>Rejects returned per file; the rest are counted only.</summary>
    public const int KeptRejects = 100;

    private static readonly string Kinds = string.Join('|', Enum.GetNames<EntityKind>().Select(n => n.ToLowerInvariant()));

    public sealed record RejectRow(long Line, string? Column, string Reason);

    public sealed record FileResult(string File, EntityKind Kind, long Read, long Imported, long Updated, long Rejected, long CreatedCustomers,
        string Detected, IReadOnlyDictionary<string, long>? Details, IReadOnlyList<RejectRow> Rejects);

    public sealed record ImportResult(long Read, long Imported, long Updated, long Rejected, IReadOnlyList<FileResult> Files);

    public sealed record ImportRow(long Id, EntityKind Kind, string File, DateTimeOffset StartedAt, string By, long Read, long Imported, long Updated, long Rejected);

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("imports").RequireAuthorization(AuthSetup.Manager);
        group.MapPost("/{kind}", Import);
        group.MapGet("/", List);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(string kind, HttpContext ctx, IStore store, ServerSettings settings,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        string? kindName = Enum.GetNames<EntityKind>().FirstOrDefault(n => string.Equals(n, kind, StringComparison.OrdinalIgnoreCase));
        if (kindName is null) return Problems.BadRequest($"unknown kind '{kind}'; expected {Kinds}");
        var entityKind = Enum.Parse<EntityKind>(kindName);
        Upload upload;
        try
        {
            upload = await Upload.Read(ctx.Request, settings.MaxUploadBytes, cancellationToken);
        }
        catch (UploadException e)
        {
            return TypedResults.Problem(e.Message, statusCode: e.Status, title: e.Status == 413 ? "Too large" : "Bad request");
        }
        using (upload)
        {
            string? Option(string name) => upload.Fields.TryGetValue(name, out var v) && v.Length > 0 ? v
                : ctx.Request.Query[name] is { Count: > 0 } q && q[0] is { Length: > 0 } s ? s : null;
            IPreset? preset = null;
            if (Option("preset") is { } presetName)
            {
                preset = Presets.Find(presetName);
                if (preset is null) return Problems.BadRequest($"unknown preset '{presetName}'; known: {string.Join(", ", Presets.All.Select(x => x.Name))}");
                if (entityKind != EntityKind.Orders) return Problems.BadRequest($"preset {presetName} imports orders (and their customers): POST /api/imports/orders");
            }
            bool createMissing = false;
            if (Option("create_missing") is { } cm && !TryFlag(cm, out createMissing))
                return Problems.BadRequest($"create_missing is '{cm}'; expected true or false");
            ImportOptions options;
            try
            {
                options = new ImportOptions
                {
                    Encoding = FormatNames.ParseEncoding(Option("encoding")),
                    Delimiter = FormatNames.ParseDelimiter(Option("delimiter"), out bool whitespace),
                    Whitespace = whitespace ? true : null,
                    Sheet = Option("sheet"),
                    CreateMissing = createMissing,
                };
            }
            catch (ArgumentException e)
            {
                return Problems.BadRequest(e.Message);
            }
            var kept = new Dictionary<string, List<RejectRow>>(StringComparer.Ordinal);
            var reports = new List<FileImportReport>();
            try
            {
                using var session = new UploadSession(store.BeginImport(ctx.Session().User.Name), upload.NameOf);
                using var rejects = new RejectWriter(Path.Combine(upload.Folder, "rejects.csv"), r =>
                {
                    var list = kept.TryGetValue(r.File, out var l) ? l : kept[r.File] = [];
                    if (list.Count < KeptRejects) list.Add(new RejectRow(r.Line, r.Column, r.Reason));
                });
                var importer = new Importer(session, rejects, clock);
                foreach (var (path, _) in upload.Files)
                    reports.Add(preset is null ? importer.Import(entityKind, path, options) : preset.Import(importer, path, options));
                rejects.Dispose();
                session.Commit();
            }
            catch (ImportFileException e)
            {
                // Nothing was kept (the session rolled back); name the file as it was uploaded, not where it was saved.
                string detail = e.Message.StartsWith(e.FilePath, StringComparison.Ordinal)
                    ? upload.NameOf(e.FilePath) + e.Message[e.FilePath.Length..] : e.Message.Replace(upload.Folder, "", StringComparison.Ordinal);
                return Problems.BadRequest(detail + "; nothing was imported");
            }
            var files = reports.Select(r => new FileResult(upload.NameOf(r.File), r.Kind, r.Read, r.Imported, r.Updated, r.Rejected, r.CreatedCustomers,
                r.Format, r.Details, kept.TryGetValue(r.File, out var l) ? l : [])).ToList();
            return TypedResults.Ok(new ImportResult(files.Sum(f => f.Read), files.Sum(f => f.Imported), files.Sum(f => f.Updated), files.Sum(f => f.Rejected), files));
        }
    }

    private static Results<Ok<Page<ImportRow>>, ProblemHttpResult> List(IStore store, ServerSettings settings, int? page,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        var (offset, size, error) = Paging.Of(page, pageSize, settings.MaxPageSize);
        if (error is not null) return Problems.BadRequest(error);
        var rows = store.GetImports(offset + size + 1).Skip(offset).ToList();
        return TypedResults.Ok(Paging.From(rows, offset, size, r => new ImportRow(r.Id, r.Kind, r.File, r.StartedAt, r.By, r.Read, r.Imported, r.Updated, r.Rejected)));
    }

    private static bool TryFlag(string text, out bool value)
    {
        value = text.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on";
        return value || text.Trim().ToLowerInvariant() is "false" or "0" or "no" or "off";
    }
}
