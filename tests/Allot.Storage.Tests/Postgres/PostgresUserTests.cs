using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The user contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresUserTests : UserContract<PostgresProvider>;
