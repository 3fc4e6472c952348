using Allot.Tests.Shared;
using Allot.Import.Reading;

namespace Allot.Import.Tests.Reading;

public sealed class ExcelTableReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_XlsxWithStringsNumbersAndDates_ConvertedToStrings()
    {
        var path = Path.Combine(_dir.FullPath, "customers.xlsx");
        XlsxFixture.Write(path, ("Customers", new Dictionary<int, object?[]>
        {
            [1] = [" Customer ID ", "Name", "Amount", "First Order"],
            [2] = ["C001", "北京华信", 1234.5, new DateTime(2023, 8, 18)],
            [3] = ["C002", "Smith, John", 22.200000000000003, new DateTime(2023, 8, 18, 16, 16, 0)],
            [5] = ["C003", null, 12621, new DateTime(2024, 2, 29)],
        }));

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal(["Customer ID", "Name", "Amount", "First Order"], headers);
        Assert.Equal("Excel workbook (xlsx), sheet 'Customers'", description);
        Assert.Equal(["C001", "北京华信", "1234.5", "2023-08-18"], rows[0].Fields);
        Assert.Equal(["C002", "Smith, John", "22.200000000000003", "2023-08-18 16:16:00"], rows[1].Fields);
        Assert.Equal(["C003", "", "12621", "2024-02-29"], rows[2].Fields);
        Assert.Equal([2L, 3L, 5L], rows.Select(r => r.Line));
    }

    [Fact]
    public void Open_SheetOption_ReadsThatSheet()
    {
        var path = Path.Combine(_dir.FullPath, "two.xlsx");
        XlsxFixture.Write(path,
            ("First", new Dictionary<int, object?[]> { [1] = ["a"], [2] = ["1"] }),
            ("Second", new Dictionary<int, object?[]> { [1] = ["b", "c"], [2] = ["x", 2] }));

        var (headers, rows, _) = Tables.ReadAll(path, new TableReadOptions { Sheet = "second" });

        Assert.Equal(["b", "c"], headers);
        Assert.Equal(["x", "2"], Assert.Single(rows).Fields);
    }

    [Fact]
    public void Open_UnknownSheet_Throws()
    {
        var path = Path.Combine(_dir.FullPath, "one.xlsx");
        XlsxFixture.Write(path, ("Only", new Dictionary<int, object?[]> { [1] = ["a"] }));

        var ex = Assert.Throws<ImportFileException>(() => TableReader.Open(path, new TableReadOptions { Sheet = "Missing" }));

        Assert.Contains("no sheet named 'Missing'", ex.Message);
    }

    [Fact]
    public void Open_WorkbookWithCsvExtension_DetectedByContent()
    {
        var path = Path.Combine(_dir.FullPath, "really.xlsx");
        XlsxFixture.Write(path, ("S", new Dictionary<int, object?[]> { [1] = ["h"], [2] = [7] }));
        var renamed = Path.ChangeExtension(path, ".csv");
        File.Move(path, renamed);

        var (headers, rows, _) = Tables.ReadAll(renamed);

        Assert.Equal(["h"], headers);
        Assert.Equal(["7"], Assert.Single(rows).Fields);
    }

    [Fact]
    public void Open_CorruptXlsx_ThrowsImportFileException()
    {
        var path = _dir.WriteText("broken.xlsx", "this is not a zip");

        var ex = Assert.Throws<ImportFileException>(() => TableReader.Open(path));

        Assert.Contains("not a readable Excel workbook", ex.Message);
    }
}
