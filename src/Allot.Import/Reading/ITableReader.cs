namespace Allot.Import.Reading;

/// <summary>Reads a table (CSV/TSV/whitespace text or a spreadsheet) one row at a time, streaming.</summary>
/// <remarks>The first non-empty row is the header unless the options say the file has none. Blank lines are
/// skipped. A file-level problem (undecodable bytes, an unterminated quote) throws <see cref="ImportFileException"/>.</remarks>
public interface ITableReader : IDisposable
{
    /// <summary>The file being read.</summary>
    string Path { get; }

    /// <summary>Header cells, trimmed (empty when the file has no header row; columns are then numbered).</summary>
    IReadOnlyList<string> Headers { get; }

    /// <summary>What was detected, for messages: e.g. "UTF-8 with BOM, comma-separated".</summary>
    string Description { get; }

    /// <summary>Bytes consumed so far (for progress), or -1 when unknown.</summary>
    long BytesRead { get; }

    /// <summary>Total length of the file in bytes, or -1 when unknown.</summary>
    long Length { get; }

    /// <summary>Advances to the next data row. Returns false at the end of the table.</summary>
    /// <param name="row">The row: its 1-based start line and its fields, untrimmed, as read.</param>
    bool Read(out TableRow row);
}

/// <summary>One data row of a table.</summary>
/// <param name="Line">1-based physical line on which the row starts (spreadsheets: the sheet row number).</param>
/// <param name="Fields">The fields as read (quotes removed, escapes undone).</param>
public readonly record struct TableRow(long Line, string[] Fields);
