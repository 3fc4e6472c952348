using System.Text;
using System.Text.Json;

namespace Allot.Core.Classification.Schemes;

/// <summary>A JSON value that remembers where it stood in the text, so errors found after parsing (an unknown
/// indicator, overlapping tiers) can still name a line and column.</summary>
/// <remarks>JsonDocument drops positions, hence this small tree built with <see cref="Utf8JsonReader"/> under the same
/// options (comments skipped, trailing commas allowed).</remarks>
internal sealed class JsonNode
{
    private JsonNode(JsonValueKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Text { get; private init; }

    public double Number { get; private init; }

    public IReadOnlyList<JsonProperty> Properties { get; private init; } = [];

    public IReadOnlyList<JsonNode> Items { get; private init; } = [];

    /// <summary>The value of a property, or null.</summary>
    public JsonProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>Parses <paramref name="json"/>; syntax errors become <see cref="SchemeException"/>.</summary>
    public static JsonNode Parse(string json, string source, string what = "scheme")
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        var positions = new Positions(bytes, lineStarts);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read()) throw new SchemeException(source, 1, 1, $"the {what} is empty; expected a JSON object");
            var root = Read(ref reader, positions, source);
            if (reader.Read()) // Anything after the root value is an error the reader reports itself.
                throw Error(source, positions, reader.TokenStartIndex, $"unexpected content after the {what} object");
            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0);
            int byteInLine = (int)(e.BytePositionInLine ?? 0);
            int column = line < lineStarts.Count ? positions.ColumnOf(lineStarts[line], byteInLine) : byteInLine + 1;
            // The reader's message repeats the position in its own 0-based form; keep only what went wrong.
            string problem = e.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ');
            throw new SchemeException(source, line + 1, column, $"invalid JSON: {problem}", e);
        }
    }

    private static SchemeException Error(string source, Positions positions, long offset, string detail)
    {
        var (line, column) = positions.Of((int)offset);
        return new SchemeException(source, line, column, detail);
    }

    private static JsonNode Read(ref Utf8JsonReader reader, Positions positions, string source)
    {
        var (line, column) = positions.Of((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<JsonProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (keyLine, keyColumn) = positions.Of((int)reader.TokenStartIndex);
                    string name = reader.GetString()!;
                    if (properties.Any(p => p.Name == name))
                        throw new SchemeException(source, keyLine, keyColumn, $"key '{name}' appears twice in one object");
                    reader.Read();
                    properties.Add(new JsonProperty(name, keyLine, keyColumn, Read(ref reader, positions, source)));
                }
                return new JsonNode(JsonValueKind.Object, line, column) { Properties = properties };
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(Read(ref reader, positions, source));
                return new JsonNode(JsonValueKind.Array, line, column) { Items = items };
            }
            case JsonTokenType.String:
                return new JsonNode(JsonValueKind.String, line, column) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonNode(JsonValueKind.Number, line, column) { Number = reader.GetDouble() };
            case JsonTokenType.True:
                return new JsonNode(JsonValueKind.True, line, column);
            case JsonTokenType.False:
                return new JsonNode(JsonValueKind.False, line, column);
            default:
                return new JsonNode(JsonValueKind.Null, line, column);
        }
    }

    /// <summary>Maps byte offsets of the UTF-8 text to 1-based lines and character columns.</summary>
    private sealed class Positions(byte[] bytes, List<int> lineStarts)
    {
        public (int Line, int Column) Of(int offset)
        {
            int index = lineStarts.BinarySearch(offset);
            int line = index >= 0 ? index : ~index - 1;
            return (line + 1, ColumnOf(lineStarts[line], offset - lineStarts[line]));
        }

        public int ColumnOf(int lineStart, int bytesIntoLine)
        {
            int length = Math.Clamp(bytesIntoLine, 0, bytes.Length - lineStart);
            return Encoding.UTF8.GetCharCount(bytes, lineStart, length) + 1;
        }
    }
}
