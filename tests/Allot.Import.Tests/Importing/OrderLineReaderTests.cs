using System.Text;
using Allot.Core.Importing;
using Allot.Core.Sales;
using Allot.Import.Importing;
using Allot.Import.Importing.Direct;
using Allot.Import.Mapping;
using Allot.Import.Reading;
using Allot.Tests.Shared;

namespace Allot.Import.Tests.Importing;

/// <summary>The direct orders reader against the table reader and the mapper: the same orders, value for value and
/// scale for scale, on the same lines, and the same rejects (line, column, value, reason), whatever the batch size.</summary>
public sealed class OrderLineReaderTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData(false, false, 16_384)]
    [InlineData(true, true, 1_000)]
    [InlineData(true, false, 7)]
    public void Next_EdgeRows_SameAsMapper(bool crlf, bool bom, int batch)
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", EdgeOrders.File(5_000, seed: 1, crlf), bom: bom);
        AssertSameAsMapper(path, batch);
    }

    [Theory]
    [InlineData("Q1,C0001,2024-03-31,\"1,234.50\",,,\"Office, Supplies\",\"web \"\"direct\"\"\",\n")]
    [InlineData("Q2,C0001,2024-03-31,5,,,\"two\r\nlines\",,\nQ3,C0001,2024-03-31,\"x\"y,,,,,\n")]
    [InlineData("CR1,C0001,2024-03-31,5,,,,,\rCR2,C0001,2024-03-31,6,,,,,\n")]
    [InlineData("\"Q4\",C0001,2024-03-31,5,,,,,\n")]
    public void Next_QuoteOrLoneCrMidway_RestReadByTheTableReader(string extra)
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", EdgeOrders.File(5_000, seed: 2, crlf: false, extra, extraAt: 2_500));
        AssertSameAsMapper(path, 1_000);
    }

    [Fact]
    public void Next_AliasedHeaderRequiredColumnsOnly_SameAsMapper()
    {
        using var dir = new TempDirectory();
        var rows = EdgeOrders.File(2_000, seed: 3, crlf: false).Split('\n').Skip(1)
            .Select(line => line.Split(',') is { Length: 9 } f ? $"{f[3]};{f[0]};{f[1]};{f[2]}" : line.Replace(',', ';'));
        string path = dir.WriteText("orders.csv", "金额;订单编号;客户编号;订单日期\n" + string.Join("\n", rows));
        AssertSameAsMapper(path, 500);
    }

    [Fact]
    public void Next_UnclosedQuote_SameErrorAsTheTableReader()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", EdgeOrders.File(3_000, seed: 4, crlf: false, "Q1,C0001,2024-03-31,\"5,,,,,\n", 2_000));
        var expected = Assert.Throws<ImportFileException>(() => Mapped(path));
        var actual = Assert.Throws<ImportFileException>(() => Direct(path, 1_000));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Contains("quoted field is never closed", actual.Message);
    }

    private static void AssertSameAsMapper(string path, int batch)
    {
        var (expectedRows, expectedRejects) = Mapped(path);
        var (rows, rejects) = Direct(path, batch);
        Assert.Equal(expectedRejects, rejects);
        Assert.Equal(expectedRows.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expectedRows[i].Line, rows[i].Line);
            Assert.Equal(expectedRows[i].Order, rows[i].Order);
            // Same digits and scale, not only the same value.
            Assert.Equal(expectedRows[i].Order.Amount.Scale, rows[i].Order.Amount.Scale);
            Assert.Equal(expectedRows[i].Order.Profit?.Scale, rows[i].Order.Profit?.Scale);
        }
        Assert.True(rows.Count > 100, "most rows are accepted");
        Assert.True(rejects.Count > 10, "the planted rows are refused");
    }

    private static (List<(long Line, Order Order)> Rows, List<RowReject> Rejects) Mapped(string path)
    {
        using var reader = Importer.Open(path, new ImportOptions());
        var map = HeaderMap.Resolve(Layouts.Orders, reader.Headers, null, path);
        var mapper = new RecordMapper(EntityKind.Orders, map, path, Today);
        var rows = new List<(long, Order)>();
        var rejects = new List<RowReject>();
        while (reader.Read(out var row))
        {
            if (mapper.TryMap(row, out object? record, out var reject)) rows.Add((row.Line, (Order)record!));
            else rejects.Add(reject!);
        }
        return (rows, rejects);
    }

    private static (List<(long Line, Order Order)> Rows, List<RowReject> Rejects) Direct(string path, int size)
    {
        DelimitedTableReader text;
        HeaderMap map;
        using (var reader = Importer.Open(path, new ImportOptions()))
        {
            text = Assert.IsType<DelimitedTableReader>(reader);
            map = HeaderMap.Resolve(Layouts.Orders, reader.Headers, null, path);
        }
        var encoding = text.DetectedEncoding;
        byte delimiter = (byte)text.Delimiter;
        var (start, headerLine) = OrderFileSums.DataStart(path, encoding.PreambleLength, delimiter, map.Headers);
        Assert.True(start > 0, "a header the direct reader takes");
        using var lines = new OrderLineReader(path, map, encoding, delimiter, Today, start, headerLine);
        var rows = new List<(long, Order)>();
        var rejects = new List<RowReject>();
        var batch = new DirectBatch();
        while (lines.Next(batch, size))
        {
            Assert.InRange(batch.Read, 1, size);
            for (int i = 0; i < batch.Rows.Count; i++) rows.Add((batch.Rows.Line(i), batch.Rows.ToOrder(i)));
            rejects.AddRange(batch.Rejects);
        }
        return (rows, rejects);
    }

    [Fact]
    public void Next_Utf8TextInKeys_KeptByteForByte()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("orders.csv", EdgeOrders.Header + "\n订单1,客户甲,2024-03-31,8.50,,,办公用品,线上,1\n", Encoding.UTF8);
        var (rows, rejects) = Direct(path, 10);
        Assert.Empty(rejects);
        Assert.Equal(("订单1", "客户甲", "办公用品", "线上", 8.50m), (rows[0].Order.Key, rows[0].Order.CustomerKey, rows[0].Order.Category, rows[0].Order.Channel, rows[0].Order.Amount));
    }
}
