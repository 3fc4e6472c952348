using Allot.Import.Mapping;
using Allot.Import.Reading;

namespace Allot.Import.Tests.Mapping;

public sealed class HeaderMapTests
{
    [Theory]
    [InlineData("Customer ID", "customerid")]
    [InlineData("customer_id", "customerid")]
    [InlineData("ＣｕｓｔｏｍｅｒＩＤ", "customerid")]
    [InlineData(" 客户 编号 ", "客户编号")]
    public void Normalize_Variants_Folded(string header, string expected) => Assert.Equal(expected, HeaderMap.Normalize(header));

    [Fact]
    public void Resolve_ChineseHeaders_MapToFields()
    {
        var map = HeaderMap.Resolve(Layouts.Orders, ["订单编号", "客户编号", "订单日期", "金额", "利润", "备注"], null, "f.csv");
        Assert.Equal((0, 1, 2, 3, 4), (map.IndexOf("order_id"), map.IndexOf("customer_id"), map.IndexOf("order_date"), map.IndexOf("amount"), map.IndexOf("profit")));
        Assert.Equal(-1, map.IndexOf("category"));
    }

    [Fact]
    public void Resolve_CanonicalNameBeatsAlias()
    {
        var map = HeaderMap.Resolve(Layouts.Customers, ["id", "customer_id", "name"], null, "f.csv");
        Assert.Equal(1, map.IndexOf("customer_id"));
    }

    [Fact]
    public void Resolve_MissingRequired_NamesFieldAndHeadersFound()
    {
        var e = Assert.Throws<ImportFileException>(() => HeaderMap.Resolve(Layouts.Orders, ["order_id", "when", "amount"], null, "o.csv"));
        Assert.Contains("customer_id (客户编号)", e.Message);
        Assert.Contains("order_date", e.Message);
        Assert.Contains("Headers found: order_id, when, amount", e.Message);
        Assert.StartsWith("o.csv: ", e.Message);
    }

    [Fact]
    public void Resolve_ExplicitMapping_Wins()
    {
        var mapping = new Dictionary<string, string> { ["when"] = "order_date", ["buyer"] = "customer_id" };
        var map = HeaderMap.Resolve(Layouts.Orders, ["order_id", "when", "buyer", "amount"], mapping, "o.csv");
        Assert.Equal((1, 2), (map.IndexOf("order_date"), map.IndexOf("customer_id")));
    }

    [Fact]
    public void Resolve_MappingToUnknownField_Refused()
    {
        var e = Assert.Throws<ImportFileException>(() =>
            HeaderMap.Resolve(Layouts.Orders, ["a"], new Dictionary<string, string> { ["a"] = "colour" }, "o.csv"));
        Assert.Contains("'colour'", e.Message);
    }

    [Fact]
    public void ReadMappingFile_CommentsAndBadLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# my ERP\n客户全称 = name\n\nno equals sign here\n");
            var e = Assert.Throws<ImportFileException>(() => HeaderMap.ReadMappingFile(path));
            Assert.Contains("line 4", e.Message);
            File.WriteAllText(path, "# my ERP\n客户全称 = name\n");
            Assert.Equal("name", HeaderMap.ReadMappingFile(path)["客户全称"]);
        }
        finally { File.Delete(path); }
    }
}
