namespace Allot.Import.Mapping;

/// <summary>A field of an import layout: its canonical name, type, whether it is required, and header aliases.</summary>
/// <param name="Name">Canonical (snake_case) name, as in the generated CSV layout.</param>
/// <param name="Type">How the text is parsed.</param>
/// <param name="Required">A file without this column is refused; a row with it empty is rejected.</param>
/// <param name="Aliases">Other headers that mean this field (English and Chinese), matched after
/// <see cref="HeaderMap.Normalize"/>.</param>
public sealed record FieldSpec(string Name, FieldType Type, bool Required, params string[] Aliases);
