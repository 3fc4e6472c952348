namespace Allot.Core.Classification.Schemes;

/// <summary>A property of a <see cref="JsonNode"/> object with the position of its key.</summary>
/// <param name="Name">The key.</param>
/// <param name="Line">1-based line of the key.</param>
/// <param name="Column">1-based column of the key.</param>
/// <param name="Value">The value.</param>
internal sealed record JsonProperty(string Name, int Line, int Column, JsonNode Value);
