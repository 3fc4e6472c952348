using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The allocation contract on SQLite.</summary>
public sealed class SqliteAllocationTests : AllocationContract<SqliteProvider>;
