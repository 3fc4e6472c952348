using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The import contract on SQLite.</summary>
public sealed class SqliteImportTests : ImportContract<SqliteProvider>;
