using System.Text;

namespace Allot.Import.Reading;

/// <summary>Overrides for what <see cref="TableReader"/> would otherwise detect.</summary>
public sealed record TableReadOptions
{
    /// <summary>The text encoding; null detects it (BOM, UTF-8 validity, then GB18030 vs Windows-1252).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The delimiter; null sniffs it from the first lines (',', ';', '\t', '|'), or whitespace.</summary>
    public char? Delimiter { get; init; }

    /// <summary>True when fields are separated by runs of spaces/tabs (CDNOW style) rather than one delimiter.</summary>
    public bool? Whitespace { get; init; }

    /// <summary>False when the first row is data, not a header.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Worksheet name for spreadsheets; null takes the first sheet.</summary>
    public string? Sheet { get; init; }
}
