using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The maintenance session contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresMaintenanceTests : MaintenanceContract<PostgresProvider>;
