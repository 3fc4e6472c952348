namespace Allot.Import.Reading;

/// <summary>Opens a table file with the right reader for its format.</summary>
public static class TableReader
{
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Opens <paramref name="path"/> for streaming: .xlsx/.xls (or a file whose bytes are a
    /// workbook) through ExcelDataReader, anything else as delimited text with detected encoding and delimiter.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Overrides for what would be detected; null detects everything.</param>
    /// <returns>A reader positioned after the header row; dispose it.</returns>
    /// <exception cref="ImportFileException">The file is missing, empty, unreadable or undecodable.</exception>
    public static ITableReader Open(string path, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TableReadOptions();
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ImportFileException(path, $"cannot open: {ex.Message}", ex);
        }

        try
        {
            if (stream.Length == 0)
            {
                throw new ImportFileException(path, "file is empty");
            }
            return IsWorkbook(path, stream)
                ? new ExcelTableReader(path, stream, options)
                : new DelimitedTableReader(path, stream, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static bool IsWorkbook(string path, FileStream stream)
    {
        var ext = Path.GetExtension(path);
        if (ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".xls", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // A workbook saved with a misleading extension would otherwise be read as garbage text.
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return head[..n].StartsWith(ZipSignature) || head[..n].StartsWith(Ole2Signature);
    }
}
