using System.Text;
using Allot.Import.Reading;

namespace Allot.Import.Tests.Reading;

public sealed class EncodingDetectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    static EncodingDetectionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_Gb18030WithChineseHeaders_ReadBackExactly()
    {
        var text = "客户编号,客户名称,行业,地区\r\nC001,北京华信科技有限公司,制造业,华北\r\nC002,上海浦东贸易公司,零售,华东\r\n";
        var path = _dir.WriteText("gb.csv", text, Encoding.GetEncoding(54936));

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal("GB18030, comma-separated", description);
        Assert.Equal(["客户编号", "客户名称", "行业", "地区"], headers);
        Assert.Equal(["C002", "上海浦东贸易公司", "零售", "华东"], rows[1].Fields);
    }

    [Fact]
    public void Open_Windows1252Accents_ReadBackExactly()
    {
        var text = "name\tcity\tprice\nCrème brûlée\tMontréal\t£12\nCafé\tParis\t€3.50\n";
        var path = _dir.WriteText("w.tsv", text, Encoding.GetEncoding(1252));

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal("Windows-1252, tab-separated", description);
        Assert.Equal(["name", "city", "price"], headers);
        Assert.Equal(["Crème brûlée", "Montréal", "£12"], rows[0].Fields);
        Assert.Equal(["Café", "Paris", "€3.50"], rows[1].Fields);
    }

    [Fact]
    public void Open_Utf16LeWithBom_Decoded()
    {
        var path = _dir.WriteText("u16.csv", "名前,city\n山田,Zürich\n", new UnicodeEncoding(false, true), bom: true);

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal("UTF-16 LE with BOM, comma-separated", description);
        Assert.Equal(["名前", "city"], headers);
        Assert.Equal(["山田", "Zürich"], rows[0].Fields);
    }

    [Fact]
    public void Open_Utf16LeWithoutBom_DetectedFromZeroBytes()
    {
        var path = _dir.WriteText("u16.csv", "id,city\n1,Zürich\n2,Köln\n", new UnicodeEncoding(false, false));

        var (_, rows, description) = Tables.ReadAll(path);

        Assert.Equal("UTF-16 LE, comma-separated", description);
        Assert.Equal(["2", "Köln"], rows[1].Fields);
    }

    [Fact]
    public void Open_Utf16BeWithBom_Decoded()
    {
        var path = _dir.WriteText("u16be.csv", "a,b\n1,é\n", new UnicodeEncoding(true, true), bom: true);

        var (_, rows, description) = Tables.ReadAll(path);

        Assert.StartsWith("UTF-16 BE with BOM", description);
        Assert.Equal(["1", "é"], rows[0].Fields);
    }

    [Theory]
    [InlineData(true, "UTF-8 with BOM, comma-separated")]
    [InlineData(false, "UTF-8, comma-separated")]
    public void Open_Utf8_DecodedAndBomStripped(bool bom, string described)
    {
        var path = _dir.WriteText("u8.csv", "Row ID,名称\n1,Ünïcödé €\n", new UTF8Encoding(bom), bom);

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal(described, description);
        Assert.Equal("Row ID", headers[0]);
        Assert.Equal(["1", "Ünïcödé €"], rows[0].Fields);
    }

    [Fact]
    public void Open_ExplicitUtf8OnInvalidBytes_ThrowsNamingLine()
    {
        var bytes = Encoding.ASCII.GetBytes("a,b\n1,x\n2,").Concat(new byte[] { 0xE9, 0x74, 0xE9 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        var path = _dir.WriteBytes("bad.csv", bytes);

        var ex = Assert.Throws<ImportFileException>(() => Tables.ReadAll(path, new TableReadOptions { Encoding = Encoding.UTF8 }));

        Assert.Contains("line 3: bytes are not valid UTF-8; pass --encoding gb18030 or windows-1252", ex.Message);
    }

    [Fact]
    public void Read_InvalidUtf8AfterDetectionSample_ThrowsNamingLine()
    {
        // 100,000 ASCII lines pass the 64 KB UTF-8 check; a Latin-1 byte much later must not become U+FFFD.
        var sb = new StringBuilder("id,name\n");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append(i).Append(",name\n");
        }
        var head = Encoding.ASCII.GetBytes(sb.ToString());
        var bytes = head.Concat(new byte[] { (byte)'9', (byte)',', 0xE9, (byte)'\n' }).ToArray();
        var path = _dir.WriteBytes("late.csv", bytes);

        var ex = Assert.Throws<ImportFileException>(() => Tables.ReadAll(path));

        Assert.Contains("line 20002: bytes are not valid UTF-8", ex.Message);
    }

    [Fact]
    public void Open_MultiByteCharCutAtSampleEnd_StillUtf8()
    {
        // Place a 3-byte character across the 64 KB sample boundary.
        var prefix = new string('x', 65_535 - "h\n".Length);
        var path = _dir.WriteText("cut.csv", "h\n" + prefix + "€\n", new UTF8Encoding(false));
        Assert.Equal(0xE2, File.ReadAllBytes(path)[65_535]);

        var (_, rows, description) = Tables.ReadAll(path);

        Assert.StartsWith("UTF-8,", description);
        Assert.Equal(prefix + "€", Assert.Single(rows).Fields[0]);
    }

    [Fact]
    public void Open_EncodingOption_Overrides()
    {
        // Valid GB18030 bytes that would be detected as such, read as Windows-1252 on request.
        var path = _dir.WriteText("o.csv", "a,b\n1,é\n", Encoding.GetEncoding(1252));

        var (_, rows, description) = Tables.ReadAll(path, new TableReadOptions { Encoding = Encoding.GetEncoding(1252) });

        Assert.StartsWith("Windows-1252", description);
        Assert.Equal(["1", "é"], rows[0].Fields);
    }
}
