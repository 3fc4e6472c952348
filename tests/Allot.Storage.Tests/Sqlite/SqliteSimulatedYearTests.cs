using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The simulated year on SQLite.</summary>
public sealed class SqliteSimulatedYearTests : SimulatedYearContract<SqliteProvider>;
