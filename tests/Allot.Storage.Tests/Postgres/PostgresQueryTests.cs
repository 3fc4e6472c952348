using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The query contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresQueryTests : QueryContract<PostgresProvider>;
