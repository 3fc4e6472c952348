using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The user contract on SQLite.</summary>
public sealed class SqliteUserTests : UserContract<SqliteProvider>;
