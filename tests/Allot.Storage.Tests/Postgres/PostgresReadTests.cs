using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The read contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresReadTests : ReadContract<PostgresProvider>;
