using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The import contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresImportTests : ImportContract<PostgresProvider>;
