using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The run contract on SQLite.</summary>
public sealed class SqliteRunTests : RunContract<SqliteProvider>;
