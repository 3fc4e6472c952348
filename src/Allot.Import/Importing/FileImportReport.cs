using Allot.Core.Importing;

namespace Allot.Import.Importing;

/// <summary>The row accounting of one imported file: <c>Read = Imported + Updated + Rejected</c>.</summary>
/// <param name="File">The file.</param>
/// <param name="Kind">What it held.</param>
/// <param name="Format">What the reader detected (encoding, delimiter).</param>
/// <param name="Read">Data rows read.</param>
/// <param name="Imported">Rows that created a record.</param>
/// <param name="Updated">Rows that updated a record already in the store.</param>
/// <param name="Rejected">Rows not imported (each has a line in the rejects file).</param>
/// <param name="CreatedCustomers">Bare customers created for unknown keys.</param>
/// <param name="Details">Preset-specific counts, e.g. orders formed from order lines.</param>
public sealed record FileImportReport(
    string File,
    EntityKind Kind,
    string Format,
    long Read,
    long Imported,
    long Updated,
    long Rejected,
    long CreatedCustomers,
    IReadOnlyDictionary<string, long>? Details = null)
{
    /// <summary>True when every row read is accounted for.</summary>
    public bool Balanced => Read == Imported + Updated + Rejected;
}
