using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Allot.Server.Imports;

/// <summary>A multipart upload saved to a temporary folder of its own: the <c>file</c> parts as files (streamed, never
/// whole in memory), the other parts as options. Disposing deletes the folder.</summary>
internal sealed class Upload : IDisposable
{
    private const int MaxFieldLength = 1_000;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private Upload(string folder) => Folder = folder;

    /// <summary>The folder the files were saved in.</summary>
    public string Folder { get; }

    /// <summary>The saved files, in upload order: where they are, and the name they were uploaded with.</summary>
    public List<(string Path, string Name)> Files { get; } = [];

    /// <summary>The form fields (the last value of each).</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name a saved file was uploaded with (a path not among the files is returned as it is).</summary>
    public string NameOf(string path) => _names.TryGetValue(path, out var name) ? name : path;

    /// <summary>Reads the request's multipart body.</summary>
    /// <exception cref="UploadException">Not multipart, malformed, a part that is neither a file nor a field, or too large.</exception>
    public static async Task<Upload> Read(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UploadException(400, "send the files as multipart/form-data, one or more parts named 'file'");
        string boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        if (boundary.Length is 0 or > 200) throw new UploadException(400, "the multipart/form-data content type has no usable boundary");
        var upload = new Upload(Path.Combine(Path.GetTempPath(), "allot-upload-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(upload.Folder);
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    throw new UploadException(400, "every part needs a Content-Disposition: form-data header");
                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (name != "file") throw new UploadException(400, $"unexpected file part '{name}': name every file part 'file'");
                    string original = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                    if (original.Length == 0) original = "upload.csv";
                    // One folder per file: two uploads may share a name, and the reader goes by the extension.
                    string dir = Path.Combine(upload.Folder, upload.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Directory.CreateDirectory(dir);
                    string path = Path.Combine(dir, Sanitize(original));
                    await using (var file = File.Create(path)) await section.Body.CopyToAsync(file, cancellationToken);
                    upload.Files.Add((path, original));
                    upload._names[path] = original;
                }
                else
                {
                    using var text = new StreamReader(section.Body);
                    char[] buffer = new char[MaxFieldLength + 1];
                    int n = await text.ReadBlockAsync(buffer, cancellationToken);
                    if (n > MaxFieldLength) throw new UploadException(400, $"form field '{name}' is longer than {MaxFieldLength} characters");
                    upload.Fields[name] = new string(buffer, 0, n);
                }
            }
            if (upload.Files.Count == 0) throw new UploadException(400, "no file: add one or more parts named 'file'");
            return upload;
        }
        catch (InvalidDataException e)
        {
            upload.Dispose();
            bool tooLarge = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            throw new UploadException(tooLarge ? 413 : 400, tooLarge
                ? $"the upload is larger than {maxBytes:N0} bytes"
                : "the upload is not well-formed multipart/form-data: " + e.Message);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        string clean = new([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]);
        if (clean.Trim('.').Length == 0) clean = "upload" + clean; // "." and ".." name folders, not files
        return clean.Length > 120 ? clean[..60] + clean[^60..] : clean;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
