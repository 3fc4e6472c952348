using Allot.Import.Reading;

namespace Allot.Import.Tests.Reading;

/// <summary>Reads a whole table for assertions.</summary>
internal static class Tables
{
    /// <summary>Opens <paramref name="path"/> and reads every row.</summary>
    public static (IReadOnlyList<string> Headers, List<TableRow> Rows, string Description) ReadAll(
        string path, TableReadOptions? options = null)
    {
        using var reader = TableReader.Open(path, options);
        var rows = new List<TableRow>();
        while (reader.Read(out var row))
        {
            rows.Add(row);
        }
        Assert.Equal(reader.Length, reader.BytesRead);
        return (reader.Headers, rows, reader.Description);
    }
}
