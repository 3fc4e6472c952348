using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The read contract on SQLite.</summary>
public sealed class SqliteReadTests : ReadContract<SqliteProvider>;
