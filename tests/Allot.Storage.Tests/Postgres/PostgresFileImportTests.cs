using Allot.Storage.Tests.Contract;

namespace Allot.Storage.Tests.Postgres;

/// <summary>The file-import contract on PostgreSQL (ALLOT_TEST_PG).</summary>
public sealed class PostgresFileImportTests : FileImportContract<PostgresProvider>;
