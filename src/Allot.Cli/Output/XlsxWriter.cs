using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Allot.Cli.Output;

/// <summary>Writes one sheet of rows to an .xlsx file, streaming (memory does not grow with the rows).</summary>
internal static class XlsxWriter
{
    public static void Write(string path, string sheetName, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var w = OpenXmlWriter.Create(sheetPart))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            WriteRow(w, columns.Cast<object?>().ToArray());
            foreach (var row in rows) WriteRow(w, row);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter w, object?[] values)
    {
        w.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = value switch
            {
                null => new Cell(),
                double or int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Printer.Text(value)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Printer.Text(value))) },
            };
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }
}
