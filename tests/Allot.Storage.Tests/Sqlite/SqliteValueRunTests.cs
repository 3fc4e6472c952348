using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The value run contract on SQLite.</summary>
public sealed class SqliteValueRunTests : ValueRunContract<SqliteProvider>;
