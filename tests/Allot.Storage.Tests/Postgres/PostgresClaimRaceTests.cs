using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The claim race on PostgreSQL: real concurrent connections, taking turns through the store's write lock (<c>pg_advisory_xact_lock</c>).</summary>
public sealed class PostgresClaimRaceTests : ClaimRaceContract<PostgresProvider>;
