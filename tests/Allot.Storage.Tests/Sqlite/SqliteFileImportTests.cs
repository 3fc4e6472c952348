using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The file-import contract on SQLite.</summary>
public sealed class SqliteFileImportTests : FileImportContract<SqliteProvider>;
