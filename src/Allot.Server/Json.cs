using System.Text.Json;
using System.Text.Json.Serialization;

namespace Allot.Server;

/// <summary>The API's JSON: snake_case names (as the CLI's <c>--format json</c>), enums as snake_case strings, and
/// numbers that are not finite (a missing indicator) as null.</summary>
internal static class Json
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.Converters.Add(new FiniteDouble());
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    private sealed class FiniteDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
