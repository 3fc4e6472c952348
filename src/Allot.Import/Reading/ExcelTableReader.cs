using System.Globalization;
using ExcelDataReader;

namespace Allot.Import.Reading;

/// <summary>Streams one worksheet of an .xlsx/.xls workbook through ExcelDataReader.</summary>
/// <remarks>Cells become strings so every source looks alike to the importer: dates as <c>yyyy-MM-dd</c>
/// (with <c>HH:mm:ss</c> when they carry a time), numbers in invariant round-trip form.</remarks>
internal sealed class ExcelTableReader : ITableReader
{
    private readonly Stream _stream;
    private readonly IExcelDataReader _reader;
    private readonly string[] _headers;
    private readonly int _rowCount;

    // Sheet row number (1-based) of the row last read.
    private long _row;

    /// <summary>Opens the workbook and positions on the chosen sheet; the stream is owned by the reader.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="stream">The open file.</param>
    /// <param name="options">Sheet and header options.</param>
    public ExcelTableReader(string path, Stream stream, TableReadOptions options)
    {
        Path = path;
        _stream = stream;
        Length = stream.Length;
        EncodingDetector.EnsureCodePages(); // .xls files use legacy code pages
        try
        {
            _reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ImportFileException(path, $"not a readable Excel workbook: {ex.Message}", ex);
        }

        var sheet = _reader.Name;
        if (options.Sheet is { } wanted)
        {
            while (!string.Equals(_reader.Name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                if (!_reader.NextResult())
                {
                    _reader.Dispose();
                    throw new ImportFileException(path, $"no sheet named '{wanted}'");
                }
            }
            sheet = _reader.Name;
        }
        _rowCount = Math.Max(1, _reader.RowCount);
        Description = $"Excel workbook ({System.IO.Path.GetExtension(path).TrimStart('.').ToLowerInvariant()}), sheet '{sheet}'";

        if (!options.HasHeader)
        {
            _headers = [];
            return;
        }
        if (!Read(out var header))
        {
            _reader.Dispose();
            throw new ImportFileException(path, $"sheet '{sheet}' is empty");
        }
        _headers = Array.ConvertAll(header.Fields, h => h.Trim());
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Headers => _headers;

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    /// <remarks>Estimated from the row position: the compressed workbook gives no useful byte position.</remarks>
    public long BytesRead => Math.Min(Length, Length * _row / _rowCount);

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public bool Read(out TableRow row)
    {
        try
        {
            while (_reader.Read())
            {
                _row++;
                var fields = new string[_reader.FieldCount];
                var any = false;
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = Format(_reader.GetValue(i));
                    any |= fields[i].Length > 0;
                }
                if (any)
                {
                    row = new TableRow(_row, fields);
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is not (ImportFileException or OutOfMemoryException))
        {
            throw new ImportFileException(Path, $"row {_row}: workbook is damaged: {ex.Message}", ex);
        }
        row = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>Converts a cell value to the string the importer parses.</summary>
    internal static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
