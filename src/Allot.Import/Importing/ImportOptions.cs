using System.Text;

namespace Allot.Import.Importing;

/// <summary>How files are read and written by <see cref="Importer"/>.</summary>
public sealed record ImportOptions
{
    /// <summary>Text encoding; null detects it.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Delimiter; null sniffs it.</summary>
    public char? Delimiter { get; init; }

    /// <summary>True for fields separated by runs of spaces; null sniffs it.</summary>
    public bool? Whitespace { get; init; }

    /// <summary>Spreadsheet sheet name; null takes the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Create bare customers for records naming unknown ones, instead of rejecting the rows.</summary>
    public bool CreateMissing { get; init; }

    /// <summary>Header → field mapping from a mapping file, or null.</summary>
    public IReadOnlyDictionary<string, string>? Mapping { get; init; }
}
