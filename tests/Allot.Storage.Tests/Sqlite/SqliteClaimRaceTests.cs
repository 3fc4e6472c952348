using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The claim race on SQLite: connections of their own, taking turns through <c>BEGIN IMMEDIATE</c>.</summary>
public sealed class SqliteClaimRaceTests : ClaimRaceContract<SqliteProvider>;
