using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Allot.Tests.Shared;

/// <summary>Writes small real .xlsx workbooks for reader tests.</summary>
internal static class XlsxFixture
{
    /// <summary>Writes a workbook; each sheet maps 1-based row numbers to cell values
    /// (string, double, int, DateTime, or null for an empty cell). Missing row numbers are gaps.</summary>
    public static void Write(string path, params (string Name, IReadOnlyDictionary<int, object?[]> Rows)[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();

        // Style 1 = built-in date format 14 (m/d/yyyy), style 2 = format 22 (m/d/yyyy h:mm): what Excel writes.
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }) { Count = 3 });

        var sheetList = wb.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (r, values) in rows.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)))
            {
                var row = new Row { RowIndex = (uint)r };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is { } v)
                    {
                        row.Append(Cell($"{(char)('A' + c)}{r}", v));
                    }
                }
                data.Append(row);
            }
            ws.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = name });
        }
        wb.Workbook.Save();
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
        DateTime d => new Cell
        {
            CellReference = reference,
            StyleIndex = d.TimeOfDay == TimeSpan.Zero ? 1u : 2u,
            CellValue = new CellValue(d.ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        IConvertible n => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(n, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"unsupported cell value {value}"),
    };
}
