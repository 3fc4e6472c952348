using System.Globalization;
using System.Text;
using Allot.Import.Reading;

namespace Allot.Import.Mapping;

/// <summary>Which column of a file holds which field of a layout.</summary>
/// <remarks>A header matches a field when, normalised, it equals the field's name or one of its aliases; an
/// explicit mapping (<c>--map</c>) wins over both. Each header serves at most one field and each field takes
/// the first header that matches it.</remarks>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _index;

    private HeaderMap(IReadOnlyList<FieldSpec> layout, Dictionary<string, int> index, IReadOnlyList<string> headers)
    {
        Layout = layout;
        _index = index;
        Headers = headers;
    }

    /// <summary>The layout mapped.</summary>
    public IReadOnlyList<FieldSpec> Layout { get; }

    /// <summary>The file's headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Column index of a field, or -1 when the file lacks it.</summary>
    public int IndexOf(string field) => _index.TryGetValue(field, out int i) ? i : -1;

    /// <summary>True when the file has the field.</summary>
    public bool Has(string field) => _index.ContainsKey(field);

    /// <summary>The header text of a field's column (for reject messages).</summary>
    public string HeaderOf(string field) => _index.TryGetValue(field, out int i) && i < Headers.Count && Headers[i].Length > 0 ? Headers[i] : field;

    /// <summary>Fields present in the file.</summary>
    public IEnumerable<string> Fields => _index.Keys;

    /// <summary>Lower-cases, folds full-width forms and drops spaces and punctuation: "Customer ID" → "customerid".</summary>
    public static string Normalize(string header)
    {
        string folded = header.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (char c in folded)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Maps headers to a layout.</summary>
    /// <param name="layout">The fields expected.</param>
    /// <param name="headers">The file's headers.</param>
    /// <param name="explicitMap">Header → field name pairs from a mapping file, or null.</param>
    /// <param name="path">The file (for messages).</param>
    /// <exception cref="ImportFileException">A required field has no column, or the mapping names an unknown field.</exception>
    public static HeaderMap Resolve(IReadOnlyList<FieldSpec> layout, IReadOnlyList<string> headers,
        IReadOnlyDictionary<string, string>? explicitMap, string path)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new bool[headers.Count];
        var known = layout.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (explicitMap is not null)
        {
            foreach (var (header, field) in explicitMap)
            {
                if (!known.Contains(field))
                    throw new ImportFileException(path, $"the mapping names field '{field}', which this kind of file does not have; fields: {string.Join(", ", known)}");
                string n = Normalize(header);
                for (int i = 0; i < headers.Count; i++)
                {
                    if (used[i] || Normalize(headers[i]) != n || index.ContainsKey(field)) continue;
                    index[field] = i;
                    used[i] = true;
                }
            }
        }
        var normalized = headers.Select(Normalize).ToArray();
        // Canonical names first, so a file with both "customer_id" and "id" maps customer_id exactly.
        foreach (var spec in layout)
            TryTake(spec.Name, [spec.Name]);
        foreach (var spec in layout)
            TryTake(spec.Name, spec.Aliases);

        var missing = layout.Where(f => f.Required && !index.ContainsKey(f.Name)).ToList();
        if (missing.Count > 0)
        {
            string names = string.Join(", ", missing.Select(f => f.Aliases.FirstOrDefault(a => a.Any(c => c > 0x2E80)) is { } zh ? $"{f.Name} ({zh})" : f.Name));
            string found = headers.Count == 0 ? "none" : string.Join(", ", headers.Select(h => h.Length == 0 ? "(blank)" : h));
            throw new ImportFileException(path,
                $"required column{(missing.Count > 1 ? "s" : "")} missing: {names}. Headers found: {found}. "
                + "Rename the column, or map it with --map FILE (lines like 'My header = field').");
        }
        return new HeaderMap(layout, index, headers);

        void TryTake(string field, IEnumerable<string> names)
        {
            if (index.ContainsKey(field)) return;
            foreach (string name in names)
            {
                string n = Normalize(name);
                for (int i = 0; i < normalized.Length; i++)
                {
                    if (used[i] || normalized[i] != n) continue;
                    index[field] = i;
                    used[i] = true;
                    return;
                }
            }
        }
    }

    /// <summary>Reads a mapping file: one <c>header = field</c> per line; blank lines and <c>#</c> comments ignored.</summary>
    /// <exception cref="ImportFileException">A line is not of that form.</exception>
    public static IReadOnlyDictionary<string, string> ReadMappingFile(string path)
    {
        if (!File.Exists(path)) throw new ImportFileException(path, "mapping file not found");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int eq = line.LastIndexOf('=');
            if (eq <= 0 || eq == line.Length - 1)
                throw new ImportFileException(path, string.Create(CultureInfo.InvariantCulture, $"line {lineNo}: expected 'header = field', found '{line}'"));
            map[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return map;
    }
}
