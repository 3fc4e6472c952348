using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Sqlite;

/// <summary>The maintenance session contract on SQLite.</summary>
public sealed class SqliteMaintenanceTests : MaintenanceContract<SqliteProvider>;
