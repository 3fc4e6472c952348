using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The value run contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresValueRunTests : ValueRunContract<PostgresProvider>;
