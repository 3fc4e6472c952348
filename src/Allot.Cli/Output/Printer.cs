using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allot.Import.Importing;

namespace Allot.Cli.Output;

/// <summary>Prints rows or a single record as an aligned table, JSON or CSV.</summary>
internal sealed class Printer(TextWriter output, OutputFormat format)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Rows under column names; JSON prints an array of objects.</summary>
    public void Rows(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        switch (format)
        {
            case OutputFormat.Json:
                var array = new JsonArray();
                foreach (var row in rows)
                {
                    var obj = new JsonObject();
                    for (int i = 0; i < columns.Count; i++) obj[columns[i]] = ToNode(row[i]);
                    array.Add(obj);
                }
                output.WriteLine(array.ToJsonString(JsonOptions));
                break;
            case OutputFormat.Csv:
                output.Write(string.Join(',', columns.Select(CsvText.Quote)) + "\n");
                foreach (var row in rows) output.Write(string.Join(',', row.Select(v => CsvText.Quote(Text(v)))) + "\n");
                break;
            default:
                var all = rows.Select(r => r.Select(Text).ToArray()).ToList();
                var widths = columns.Select((c, i) => Math.Max(Width(c), all.Count == 0 ? 0 : all.Max(r => Width(r[i])))).ToArray();
                output.WriteLine(Line(columns.ToArray(), widths));
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
                foreach (var r in all) output.WriteLine(Line(r, widths));
                break;
        }
    }

    /// <summary>One record as name/value pairs; JSON prints one object.</summary>
    public void Record(IReadOnlyList<(string Name, object? Value)> fields)
    {
        switch (format)
        {
            case OutputFormat.Json:
                var obj = new JsonObject();
                foreach (var (name, value) in fields) obj[name] = ToNode(value);
                output.WriteLine(obj.ToJsonString(JsonOptions));
                break;
            case OutputFormat.Csv:
                Rows(fields.Select(f => f.Name).ToList(), [fields.Select(f => f.Value).ToArray()]);
                break;
            default:
                int width = fields.Max(f => Width(f.Name));
                foreach (var (name, value) in fields) output.WriteLine(name + new string(' ', width - Width(name)) + "  " + Text(value));
                break;
        }
    }

    /// <summary>A JSON node as is (format json), for nested results.</summary>
    public void Json(JsonNode node) => output.WriteLine(node.ToJsonString(JsonOptions));

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode n => n,
        string s => JsonValue.Create(s),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset t => JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture)),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal m => JsonValue.Create(m),
        double x => JsonValue.Create(x),
        IEnumerable<string> list => new JsonArray(list.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(";", list),
        _ => value.ToString() ?? "",
    };

    private static string Line(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append("  ");
            sb.Append(cells[i]);
            if (i < cells.Length - 1) sb.Append(' ', widths[i] - Width(cells[i]));
        }
        return sb.ToString();
    }

    /// <summary>Display width: CJK and full-width characters take two columns.</summary>
    public static int Width(string s)
    {
        int w = 0;
        foreach (char c in s) w += c is >= '\u1100' and (<= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6') ? 2 : 1;
        return w;
    }
}
