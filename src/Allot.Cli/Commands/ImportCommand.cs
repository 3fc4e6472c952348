using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Allot.Cli.Output;
using Allot.Core.Importing;
using Allot.Import.Importing;
using Allot.Import.Mapping;
using Allot.Import.Presets;
using Allot.Storage;

namespace Allot.Cli.Commands;

/// <summary><c>allot import KIND FILE…</c>: every row imported, updated or rejected with its reason, in one transaction.</summary>
internal static class ImportCommand
{
    private static readonly string Kinds = string.Join('|', Enum.GetNames<EntityKind>().Select(n => n.ToLowerInvariant()));

    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var kind = new Argument<string>("kind") { Description = $"What the files hold: {Kinds}" };
        var files = new Argument<string[]>("files") { Description = "CSV/TSV/TXT or XLSX files", Arity = ArgumentArity.ZeroOrMore };
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding: utf-8, utf-16, gb18030 (gbk), windows-1252; detected by default" };
        var delimiter = new Option<string?>("--delimiter") { Description = "Field delimiter: , ; tab | or whitespace; sniffed by default" };
        var sheet = new Option<string?>("--sheet") { Description = "Worksheet of an .xlsx file (default: the first)" };
        var createMissing = new Option<bool>("--create-missing") { Description = "Create customers that orders, invoices, interactions or feedback name but the store lacks" };
        var map = new Option<string?>("--map") { Description = "Mapping file: lines 'source header = field' for headers Allot does not recognise" };
        var preset = new Option<string?>("--preset") { Description = "Layout of a public data set: " + string.Join(", ", Presets.All.Select(p => $"{p.Name} ({p.Description})")) };
        var rejects = new Option<string?>("--rejects") { Description = "Where rejected rows go (CSV; default: <store>.rejects.csv beside the store, or ./allot.rejects.csv for a PostgreSQL store)" };
        var by = new Option<string?>("--by") { Description = "Who imports, recorded with the import and owner changes (default: the OS user)" };
        var command = new Command("import", "Import customers, reps, orders, invoices, payments, interactions or feedback. "
            + "Each file lands whole with the others or not at all; re-importing updates by key.")
        {
            kind, files, encoding, delimiter, sheet, createMissing, map, preset, rejects, by,
        };
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var presetName = p.GetValue(preset);
            var paths = p.GetValue(files)!.ToList();
            string kindText = p.GetValue(kind)!;
            // Exact names only: Enum.TryParse would also take "1" or "customers,orders".
            string? kindName = Enum.GetNames<EntityKind>().FirstOrDefault(n => string.Equals(n, kindText, StringComparison.OrdinalIgnoreCase));
            var entityKind = kindName is null ? default : Enum.Parse<EntityKind>(kindName);
            if (kindName is null)
            {
                if (presetName is null) throw new UsageException($"unknown kind '{kindText}'; expected {Kinds}");
                paths.Insert(0, kindText); // `allot import --preset cdnow FILE`: the kind may be left out.
                entityKind = EntityKind.Orders;
            }
            if (paths.Count == 0) throw new UsageException("no files given: allot import KIND FILE…");
            IPreset? chosen = null;
            if (presetName is not null)
            {
                chosen = Presets.Find(presetName) ?? throw new UsageException($"unknown preset '{presetName}'; known: {string.Join(", ", Presets.All.Select(x => x.Name))}");
                if (entityKind != EntityKind.Orders) throw new UsageException($"--preset {presetName} imports orders (and their customers): use `allot import orders FILE --preset {presetName}`");
            }
            var options = new ImportOptions
            {
                Encoding = ParseEncoding(p.GetValue(encoding)),
                Delimiter = ParseDelimiter(p.GetValue(delimiter), out bool whitespace),
                Whitespace = whitespace ? true : null,
                Sheet = p.GetValue(sheet),
                CreateMissing = p.GetValue(createMissing),
                Mapping = p.GetValue(map) is { } m ? HeaderMap.ReadMappingFile(m) : null,
            };

            using var store = ctx.OpenStore(create: true);
            string rejectsPath = p.GetValue(rejects) ?? (ctx.DbIsServer ? "allot.rejects.csv" : DefaultRejectsPath(store.Location));
            var reports = Run(ctx, store, entityKind, paths, options, chosen, rejectsPath, p.GetValue(by) ?? Environment.UserName, out long rejected);
            Print(ctx, reports, rejected > 0 ? rejectsPath : null);
            return 0;
        }));
        return command;
    }

    /// <summary>Imports files in one transaction; returns their reports.</summary>
    /// <remarks>Rejects go to a temporary file first and replace <paramref name="rejectsPath"/> only once the
    /// import has committed, so a failed import leaves neither rejects of rows that never landed nor an older
    /// file that would seem to belong to it.</remarks>
    public static List<FileImportReport> Run(CliContext ctx, IStore store, EntityKind kind, IReadOnlyList<string> paths,
        ImportOptions options, IPreset? preset, string rejectsPath, string by, out long rejected)
    {
        string full = Path.GetFullPath(rejectsPath);
        if (paths.Any(p => Path.GetFullPath(p) == full) || (!StoreFactory.IsServer(store.Location) && Path.GetFullPath(store.Location) == full))
            throw new UsageException($"--rejects {rejectsPath} would overwrite an input file or the store");
        // Per process: two imports into a PostgreSQL store may run at once from one folder.
        string partial = $"{full}.{Environment.ProcessId}.partial";
        var reports = new List<FileImportReport>();
        try
        {
            using (var rejects = new RejectWriter(partial))
            using (var session = store.BeginImport(by))
            using (var bar = ctx.Progress("import"))
            {
                var importer = new Importer(session, rejects, ctx.Clock, pr => bar.Report(
                    pr.Length > 0 ? (double)pr.BytesRead / pr.Length : 0,
                    $"{Path.GetFileName(pr.File)}: {pr.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows"));
                foreach (string path in paths)
                    reports.Add(preset is null ? importer.Import(kind, path, options) : preset.Import(importer, path, options));
                rejected = rejects.Count;
                rejects.Dispose(); // flushed before the commit: a write error must not follow a landed import
                session.Commit();
            }
            if (File.Exists(full)) File.Delete(full);
            if (rejected > 0) File.Move(partial, full);
            return reports;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    public static string DefaultRejectsPath(string storePath)
    {
        string full = Path.GetFullPath(storePath);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + ".rejects.csv");
    }

    private static void Print(CliContext ctx, List<FileImportReport> reports, string? rejectsPath)
    {
        long read = reports.Sum(r => r.Read), imported = reports.Sum(r => r.Imported), updated = reports.Sum(r => r.Updated), rejected = reports.Sum(r => r.Rejected);
        if (ctx.Format == OutputFormat.Json)
        {
            var files = new JsonArray();
            foreach (var r in reports)
            {
                var o = new JsonObject
                {
                    ["file"] = r.File, ["kind"] = r.Kind.ToString().ToLowerInvariant(), ["format"] = r.Format,
                    ["read"] = r.Read, ["imported"] = r.Imported, ["updated"] = r.Updated, ["rejected"] = r.Rejected,
                    ["created_customers"] = r.CreatedCustomers,
                };
                foreach (var (k, v) in r.Details ?? new Dictionary<string, long>()) o[k] = v;
                files.Add(o);
            }
            ctx.Printer.Json(new JsonObject
            {
                ["read"] = read, ["imported"] = imported, ["updated"] = updated, ["rejected"] = rejected,
                ["rejects"] = rejectsPath is null ? null : Path.GetFullPath(rejectsPath), ["files"] = files,
            });
            return;
        }
        ctx.Printer.Rows(["file", "kind", "read", "imported", "updated", "rejected", "created_customers", "detected"],
            reports.Select(r => new object?[] { Path.GetFileName(r.File), r.Kind.ToString().ToLowerInvariant(), r.Read, r.Imported, r.Updated, r.Rejected, r.CreatedCustomers, r.Format }));
        foreach (var r in reports.Where(r => r.Details is not null))
            ctx.Err.WriteLine($"{Path.GetFileName(r.File)}: " + string.Join(", ", r.Details!.Select(d => $"{d.Key.Replace('_', ' ')} {d.Value:N0}")));
        if (rejectsPath is not null)
            ctx.Err.WriteLine($"{rejected:N0} rejected row(s) with line and reason in {Path.GetFullPath(rejectsPath)}");
    }

    // The names are read in Allot.Import (the server reads them too); a wrong one is a usage error here.
    public static Encoding? ParseEncoding(string? name)
    {
        try { return FormatNames.ParseEncoding(name); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }

    public static char? ParseDelimiter(string? text, out bool whitespace)
    {
        try { return FormatNames.ParseDelimiter(text, out whitespace); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
