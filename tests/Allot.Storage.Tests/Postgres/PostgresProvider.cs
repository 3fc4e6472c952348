using Allot.Storage.Postgres;
using Allot.Storage.Tests.Contract;
using Allot.Tests.Shared;

namespace Allot.Storage.Tests.Postgres;

/// <summary>Stores in a fresh schema of the <c>ALLOT_TEST_PG</c> database, dropped afterwards (see
/// <see cref="TestPostgres"/>: skipped without the variable, failing under CI=true).</summary>
public sealed class PostgresProvider : StoreProvider
{
    public override TestStore Create(TimeProvider clock) => new SchemaStore(clock);

    private sealed class SchemaStore : TestStore
    {
        public SchemaStore(TimeProvider clock)
        {
            Db = TestPostgres.UrlWithSchema(TestPostgres.NewSchema());
            Store = PostgresStore.Open(Db, create: true, clock);
        }

        public override string Db { get; }

        public override System.Data.Common.DbConnection Connect()
        {
            var c = new Npgsql.NpgsqlConnection(PostgresLocation.Parse(Db).ConnectionString);
            c.Open();
            return c;
        }

        protected override void Remove() => PostgresStore.DropSchema(PostgresLocation.Parse(Db));
    }
}
