using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The query contract on SQLite.</summary>
public sealed class SqliteQueryTests : QueryContract<SqliteProvider>;
