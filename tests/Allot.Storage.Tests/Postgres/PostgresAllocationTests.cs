using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The allocation contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresAllocationTests : AllocationContract<PostgresProvider>;
