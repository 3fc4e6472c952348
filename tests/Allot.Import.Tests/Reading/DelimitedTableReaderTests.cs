using Allot.Import.Reading;

namespace Allot.Import.Tests.Reading;

public sealed class DelimitedTableReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_QuotedFields_UnescapesDoubledQuotesDelimitersAndNewlines()
    {
        var path = _dir.WriteText("q.csv", "id,name,note\n1,\"Smith, John\",\"He said \"\"hi\"\"\nand left\"\n2,\"\",plain\n");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "Smith, John", "He said \"hi\"\nand left"], rows[0].Fields);
        Assert.Equal(["2", "", "plain"], rows[1].Fields);
    }

    [Fact]
    public void Read_EmbeddedNewlinesAndMixedLineEndings_ReportsPhysicalStartLine()
    {
        // Line 1 header (CRLF), 2 row (LF), 3-5 one row with CRLF and lone CR inside quotes, 6 row (CR), 7 row (no newline).
        var text = "a,b\r\n1,x\n2,\"multi\r\nline\rvalue\"\n3,y\r4,z";
        var path = _dir.WriteText("m.csv", text);

        var (headers, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["a", "b"], headers);
        Assert.Equal([2L, 3L, 6L, 7L], rows.Select(r => r.Line));
        Assert.Equal("multi\r\nline\rvalue", rows[1].Fields[1]);
        Assert.Equal(["4", "z"], rows[3].Fields);
    }

    [Fact]
    public void Read_RaggedRows_ReturnedAsIs()
    {
        var path = _dir.WriteText("r.csv", "a,b,c\n1,2\n1,2,3,4\n");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(2, rows[0].Fields.Length);
        Assert.Equal(4, rows[1].Fields.Length);
    }

    [Fact]
    public void Read_QuoteNeverClosed_ThrowsNamingLineAndColumn()
    {
        var path = _dir.WriteText("u.csv", "a,b,c\n1,2,3\n4,\"oops,6\n7,8,9\n");
        using var reader = TableReader.Open(path);

        Assert.True(reader.Read(out _));
        var ex = Assert.Throws<ImportFileException>(() => reader.Read(out _));

        Assert.Contains("line 3, column 2", ex.Message);
        Assert.Contains("quoted field is never closed", ex.Message);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void Read_StrayQuoteInUnquotedField_KeptLiterally()
    {
        var path = _dir.WriteText("s.csv", "item,qty\n5\" pipe,3\n");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["5\" pipe", "3"], rows[0].Fields);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_AppendedToField()
    {
        var path = _dir.WriteText("t.csv", "a,b\n\"abc\"x,2\n");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["abcx", "2"], rows[0].Fields);
    }

    [Fact]
    public void Read_BlankLines_SkippedButLineOfDelimitersIsARow()
    {
        var path = _dir.WriteText("b.csv", "\n\na,b\n\n1,2\r\n\r\n   \n,\n\n3,4\n\n");

        var (headers, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["a", "b"], headers);
        Assert.Equal([5L, 8L, 10L], rows.Select(r => r.Line));
        Assert.Equal(["", ""], rows[1].Fields);
    }

    [Fact]
    public void Read_FileEndsAfterDelimiter_LastFieldEmpty()
    {
        var path = _dir.WriteText("e.csv", "a,b\n1,");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["1", ""], Assert.Single(rows).Fields);
    }

    [Fact]
    public void Read_QuotedFieldClosedAtEndOfFile_Read()
    {
        var path = _dir.WriteText("e.csv", "a,b\n1,\"x\"");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["1", "x"], Assert.Single(rows).Fields);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_OneMegabyteField_ReadWhole(bool quoted)
    {
        var big = string.Create(1 << 20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + i % 26);
            }
        });
        var cell = quoted ? $"\"{big}\"" : big;
        var path = _dir.WriteText("big.csv", $"id,text,tail\n1,{cell},end\n2,short,end\n");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(2, rows.Count);
        Assert.Equal(big, rows[0].Fields[1]);
        Assert.Equal("end", rows[0].Fields[2]);
        Assert.Equal(3L, rows[1].Line);
    }

    [Fact]
    public void Read_ManyRowsAcrossBufferBoundaries_EveryRowAndLineIntact()
    {
        // Enough data for many buffer refills, with quoted CRLF fields landing on arbitrary boundaries.
        var sb = new System.Text.StringBuilder("id,text\r\n");
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append(i).Append(i % 7 == 0 ? ",\"a\r\nb\"\r\n" : ",plain\r\n");
        }
        var path = _dir.WriteText("many.csv", sb.ToString());

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal(50_000, rows.Count);
        long line = 2;
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(line, rows[i].Line);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i].Fields[0]);
            Assert.Equal(i % 7 == 0 ? "a\r\nb" : "plain", rows[i].Fields[1]);
            line += i % 7 == 0 ? 2 : 1;
        }
    }

    [Fact]
    public void Open_ZeroByteFile_ThrowsFileIsEmpty()
    {
        var path = _dir.WriteBytes("empty.csv", []);

        var ex = Assert.Throws<ImportFileException>(() => TableReader.Open(path));

        Assert.Contains("file is empty", ex.Message);
    }

    [Fact]
    public void Open_MissingFile_ThrowsImportFileException()
    {
        var path = Path.Combine(_dir.FullPath, "nope.csv");

        var ex = Assert.Throws<ImportFileException>(() => TableReader.Open(path));

        Assert.Contains("cannot open", ex.Message);
    }

    [Fact]
    public void Read_HeaderOnly_ZeroRows()
    {
        var path = _dir.WriteText("h.csv", "a,b,c\n");

        var (headers, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["a", "b", "c"], headers);
        Assert.Empty(rows);
    }

    [Fact]
    public void Headers_PaddedCells_Trimmed()
    {
        var path = _dir.WriteText("h.csv", " Customer ID ,\" Name \",\tRegion\n1,x,y\n");

        var (headers, rows, _) = Tables.ReadAll(path);

        Assert.Equal(["Customer ID", "Name", "Region"], headers);
        Assert.Equal(["1", "x", "y"], rows[0].Fields);
    }

    [Fact]
    public void Read_DataFieldsWithSpaces_KeptUntrimmed()
    {
        var path = _dir.WriteText("h.csv", "a,b\n 1 , x \n");

        var (_, rows, _) = Tables.ReadAll(path);

        Assert.Equal([" 1 ", " x "], rows[0].Fields);
    }

    [Fact]
    public void Read_NoHeaderOption_FirstLineIsData()
    {
        var path = _dir.WriteText("n.csv", "1,2\n3,4\n");

        var (headers, rows, _) = Tables.ReadAll(path, new TableReadOptions { HasHeader = false });

        Assert.Empty(headers);
        Assert.Equal([1L, 2L], rows.Select(r => r.Line));
    }

    [Fact]
    public void BytesRead_DuringAndAfterReading_ProgressesToLength()
    {
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i},some text here\n"));
        var path = _dir.WriteText("p.csv", "id,text\n" + text);
        using var reader = TableReader.Open(path);

        Assert.True(reader.Read(out _));
        var early = reader.BytesRead;
        while (reader.Read(out _))
        {
        }

        Assert.InRange(early, 1, reader.Length - 1);
        Assert.Equal(new FileInfo(path).Length, reader.Length);
        Assert.Equal(reader.Length, reader.BytesRead);
    }
}
