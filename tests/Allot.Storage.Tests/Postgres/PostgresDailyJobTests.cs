using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The daily job contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresDailyJobTests : DailyJobContract<PostgresProvider>;
