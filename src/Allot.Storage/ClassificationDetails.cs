using System.Text.Json;
using System.Text.Json.Serialization;
using Allot.Core.Classification.Schemes;

namespace Allot.Storage;

/// <summary>A customer's per-classifier classes, reasons and numbers, kept as one JSON column.</summary>
/// <remarks>Missing numbers (NaN) are written as the JSON string "NaN", which System.Text.Json reads back.</remarks>
internal static class ClassificationDetails
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(SchemeOutcome outcome, CustomerClassification customer) =>
        JsonSerializer.Serialize(customer.Assignments.Select((a, i) =>
            new StoredClass(outcome.Results[i].Name, a.Class, a.Reason, a.Numbers)).ToList(), Options);

    public static IReadOnlyList<StoredClass> Parse(string json) =>
        JsonSerializer.Deserialize<List<StoredClass>>(json, Options) ?? [];
}
