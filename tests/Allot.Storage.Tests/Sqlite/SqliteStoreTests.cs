using Allot.Storage.Sqlite;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>What only the file store does: its file must exist (or be created) and be a SQLite database.</summary>
public sealed class SqliteStoreTests
{
    [Fact]
    public void Open_MissingFileWithoutCreate_SaysHowToCreate()
    {
        var e = Assert.Throws<StoreException>(() => SqliteStore.Open(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db"), create: false));
        Assert.Contains("allot init", e.Message);
    }

    [Fact]
    public void Open_NotADatabase_ClearError()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db");
        File.WriteAllText(path, "this is not a database, just text that is long enough to have a header page......");
        try
        {
            var e = Assert.Throws<StoreException>(() => SqliteStore.Open(path));
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }
}
