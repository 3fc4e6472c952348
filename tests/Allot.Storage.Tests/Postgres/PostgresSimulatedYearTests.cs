using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The simulated year on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresSimulatedYearTests : SimulatedYearContract<PostgresProvider>;
