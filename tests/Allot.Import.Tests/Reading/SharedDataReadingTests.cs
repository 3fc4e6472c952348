using Allot.Tests.Shared;
using Allot.Import.Reading;

namespace Allot.Import.Tests.Reading;

public sealed class SharedDataReadingTests
{
    [Fact]
    public void Read_Superstore_AllRowsAndHeaders()
    {
        var (headers, rows, description) = Tables.ReadAll(SharedData.File("superstore", "Sample - Superstore.csv"));

        Assert.Equal("UTF-8 with BOM, comma-separated", description);
        Assert.Equal(21, headers.Count);
        Assert.Equal("Row ID", headers[0]);
        Assert.Equal("Profit", headers[20]);
        Assert.Equal(9_994, rows.Count);
        Assert.All(rows, r => Assert.Equal(21, r.Fields.Length));
        Assert.Equal(2L, rows[0].Line);
        Assert.Equal(9_995L, rows[^1].Line);
        Assert.Equal("9994", rows[^1].Fields[0]);
    }

    [Fact]
    public void Read_CdnowMaster_WhitespaceMode()
    {
        var (headers, rows, description) = Tables.ReadAll(SharedData.File("cdnow", "CDNOW_master.txt"));

        Assert.Equal("UTF-8, whitespace-separated", description);
        Assert.Equal(["customer_id", "date", "number_of_cds", "dollar_value"], headers);
        Assert.Equal(69_659, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.Fields.Length));
        Assert.Equal(["00001", "19970101", "1", "11.77"], rows[0].Fields);
    }

    [Fact]
    public void Read_OnlineRetailSample_TwentyThousandRowsOfEight()
    {
        var (headers, rows, _) = Tables.ReadAll(SharedData.File("online-retail", "online_retail_sample_20k_raw.csv"));

        Assert.Equal(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"], headers);
        Assert.Equal(20_000, rows.Count);
        Assert.All(rows, r => Assert.Equal(8, r.Fields.Length));
        Assert.Equal(["546306", "21733", "RED HANGING HEART T-LIGHT HOLDER", "2", "2011-03-10 16:16:00", "2.95", "NA", "United Kingdom"], rows[0].Fields);
    }
}
