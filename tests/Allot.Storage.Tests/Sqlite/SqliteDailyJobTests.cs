using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The daily job contract on SQLite.</summary>
public sealed class SqliteDailyJobTests : DailyJobContract<SqliteProvider>;
