using Allot.Import.Reading;

namespace Allot.Import.Tests.Reading;

public sealed class DelimiterSniffingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(",", "comma-separated")]
    [InlineData(";", "semicolon-separated")]
    [InlineData("\t", "tab-separated")]
    [InlineData("|", "pipe-separated")]
    public void Open_Delimiter_SniffedAndSplit(string d, string described)
    {
        var path = _dir.WriteText("d.txt", $"id{d}name{d}amount\n1{d}Ann{d}1.5\n2{d}Bob{d}2\n");

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal(["id", "name", "amount"], headers);
        Assert.Equal(["2", "Bob", "2"], rows[1].Fields);
        Assert.EndsWith(described, description);
    }

    [Fact]
    public void Open_SemicolonFileWithCommaDecimals_PicksSemicolon()
    {
        // European exports: the comma appears too, but not in a consistent count.
        var path = _dir.WriteText("eu.csv", "id;amount;note\n1;1,5;a\n2;22,75;b, c, d\n3;3;x\n");

        var (_, rows, description) = Tables.ReadAll(path);

        Assert.Contains("semicolon-separated", description);
        Assert.Equal(["2", "22,75", "b, c, d"], rows[1].Fields);
    }

    [Fact]
    public void Open_DelimitersInsideQuotes_Ignored()
    {
        var path = _dir.WriteText("q.csv", "a;b\n\"x,y,z\";1\n\"p,q\";2\n");

        var (_, rows, description) = Tables.ReadAll(path);

        Assert.Contains("semicolon-separated", description);
        Assert.Equal(["x,y,z", "1"], rows[0].Fields);
    }

    [Fact]
    public void Open_RunsOfSpaces_WhitespaceMode()
    {
        var path = _dir.WriteText("w.txt", " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112\t1   12.00\r\n");

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.Equal("UTF-8, whitespace-separated", description);
        Assert.Equal(["customer_id", "date", "number_of_cds", "dollar_value"], headers);
        Assert.Equal(["00002", "19970112", "1", "12.00"], rows[1].Fields);
        Assert.Equal(3L, rows[1].Line);
    }

    [Fact]
    public void Open_OneColumn_SingleColumn()
    {
        var path = _dir.WriteText("one.txt", "email\na@example.com\nb@example.com\n");

        var (headers, rows, description) = Tables.ReadAll(path);

        Assert.EndsWith("single column", description);
        Assert.Equal(["email"], headers);
        Assert.Equal(["b@example.com"], rows[1].Fields);
    }

    [Fact]
    public void Open_DelimiterOption_OverridesSniffing()
    {
        var path = _dir.WriteText("o.csv", "a,b|c\n1,2|3\n");

        var (headers, rows, _) = Tables.ReadAll(path, new TableReadOptions { Delimiter = '|' });

        Assert.Equal(["a,b", "c"], headers);
        Assert.Equal(["1,2", "3"], rows[0].Fields);
    }

    [Fact]
    public void Open_WhitespaceOption_OverridesSniffing()
    {
        var path = _dir.WriteText("o.txt", "a b\n1 2\n3\n");

        var (_, rows, description) = Tables.ReadAll(path, new TableReadOptions { Whitespace = true });

        Assert.Contains("whitespace-separated", description);
        Assert.Equal(["3"], rows[1].Fields);
    }

    [Fact]
    public void Open_WhitespaceFalse_NoWhitespaceMode()
    {
        var path = _dir.WriteText("o.txt", "first last\nAnn Lee\n");

        var (headers, _, description) = Tables.ReadAll(path, new TableReadOptions { Whitespace = false });

        Assert.EndsWith("single column", description);
        Assert.Equal(["first last"], headers);
    }

    [Fact]
    public void Open_ManyWhitespaceOnlyLines_DoNotOutvoteTheDelimiter()
    {
        var path = _dir.WriteText("b.csv", "a,b\n   \n  \n \n1,2\n");

        var (_, rows, description) = Tables.ReadAll(path);

        Assert.Contains("comma-separated", description);
        Assert.Equal(["1", "2"], Assert.Single(rows).Fields);
    }
}
