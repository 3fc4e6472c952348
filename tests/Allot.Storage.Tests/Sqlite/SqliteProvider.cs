using Allot.Storage.Sqlite;
using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>Stores in a file of their own in a temporary folder.</summary>
public sealed class SqliteProvider : StoreProvider
{
    public override TestStore Create(TimeProvider clock) => new FileStore(clock);

    private sealed class FileStore : TestStore
    {
        private readonly string _folder;

        public FileStore(TimeProvider clock)
        {
            _folder = Path.Combine(Path.GetTempPath(), "allot-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            Db = Path.Combine(_folder, "allot.db");
            Store = SqliteStore.Open(Db, create: true, clock);
        }

        public override string Db { get; }

        public override System.Data.Common.DbConnection Connect()
        {
            var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False");
            c.Open();
            return c;
        }

        protected override void Remove()
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
