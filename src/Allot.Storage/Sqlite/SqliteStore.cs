using System.Globalization;
using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Receivables;
using Allot.Core.Importing;
using Allot.Core.Ownership;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Allot.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file (WAL journal), schema kept by <see cref="Migrator"/>.</summary>
public sealed partial class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private SqliteStore(SqliteConnection connection, string path, TimeProvider clock, int version)
    {
        _connection = connection;
        _clock = clock;
        Location = path;
        SchemaVersion = version;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>Opens (and, when <paramref name="create"/> is true, creates) the store at a path, migrating it.</summary>
    /// <exception cref="StoreException">The file is missing (and not to be created), not a SQLite database, or newer than this program.</exception>
    public static SqliteStore Open(string path, bool create = true, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            if (!create) throw new StoreException($"no store at {path}; create one with `allot init` or `allot import`");
            string? dir = Path.GetDirectoryName(full);
            if (dir is not null && !Directory.Exists(dir)) throw new StoreException($"cannot create the store {path}: folder {dir} does not exist");
        }
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;");
            int version = Migrator.Migrate(connection, clock);
            return new SqliteStore(connection, path, clock, version);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            var known = StoreErrors.From(e.SqliteErrorCode, e.Message, null);
            throw new StoreException($"{path}: {known.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a store this process has opened with <see cref="Open"/> before, and so migrated: no migration
    /// check, and the connection is pooled (its file handle and parsed schema are reused). For the server, which opens
    /// the store once per request.</summary>
    /// <exception cref="StoreException">The file is missing or not a SQLite database.</exception>
    public static SqliteStore OpenMigrated(string path, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new StoreException($"no store at {path}; create one with `allot init` or `allot import`");
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, Mode = SqliteOpenMode.ReadWrite };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Exec(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;");
            return new SqliteStore(connection, path, clock, Migrator.LatestVersion);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: {StoreErrors.From(e.SqliteErrorCode, e.Message, null).Message}", e);
        }
    }

    /// <inheritdoc />
    public IImportSession BeginImport(string by) => new SqliteImportSession(_connection, by, _clock);

    /// <inheritdoc />
    public StoreStats GetStats()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM reps), (SELECT COUNT(*) FROM orders),
                   (SELECT COALESCE(SUM(amount), 0) FROM orders), (SELECT COALESCE(SUM(profit), 0) FROM orders),
                   (SELECT COUNT(*) FROM invoices), (SELECT COUNT(*) FROM payments),
                   (SELECT COUNT(*) FROM interactions), (SELECT COUNT(*) FROM feedback),
                   (SELECT MIN(order_date) FROM orders), (SELECT MAX(order_date) FROM orders)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2),
            StoredMoney.FromStored(r.GetInt64(3)), StoredMoney.FromStored(r.GetInt64(4)),
            r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), DateOrNull(r, 9), DateOrNull(r, 10));
    }

    /// <inheritdoc />
    public IReadOnlyList<Customer> FindCustomers(CustomerQuery query)
    {
        var (where, parameters) = CustomerQuerySql.Build(query, "instr", ownerFirst: true);
        using var cmd = _connection.CreateCommand();
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue("@" + name, value);
        cmd.CommandText = $"SELECT {StoredRows.CustomerColumns} FROM customers"
            + (where.Length > 0 ? " WHERE " + where : "")
            + " ORDER BY key LIMIT @limit OFFSET @offset";
        cmd.Parameters.AddWithValue("@limit", query.Limit);
        cmd.Parameters.AddWithValue("@offset", query.Offset);
        using var r = cmd.ExecuteReader();
        var list = new List<Customer>();
        while (r.Read()) list.Add(StoredRows.Customer(r));
        return list;
    }

    /// <inheritdoc />
    public IEnumerable<Customer> ReadCustomers()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.CustomerColumns} FROM customers ORDER BY key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return StoredRows.Customer(r);
    }

    /// <inheritdoc />
    public Customer? GetCustomer(string key)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.CustomerColumns} FROM customers WHERE key = $key";
        cmd.Parameters.AddWithValue("$key", key);
        using var r = cmd.ExecuteReader();
        return r.Read() ? StoredRows.Customer(r) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<Rep> GetReps()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.RepColumns} FROM reps ORDER BY key";
        using var r = cmd.ExecuteReader();
        var list = new List<Rep>();
        while (r.Read()) list.Add(StoredRows.Rep(r));
        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<Order> GetOrders(string customerKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.OrderColumns} FROM orders WHERE customer_key = $c ORDER BY order_date, key";
        cmd.Parameters.AddWithValue("$c", customerKey);
        using var r = cmd.ExecuteReader();
        var list = new List<Order>();
        while (r.Read()) list.Add(StoredRows.Order(r));
        return list;
    }

    /// <inheritdoc />
    public IEnumerable<Order> ReadOrders()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.OrderColumns} FROM orders ORDER BY key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return StoredRows.Order(r);
    }

    /// <inheritdoc />
    public DateOnly? LatestOrderDate()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT MAX(order_date) FROM orders";
        return cmd.ExecuteScalar() is string text ? StoredRows.ParseDate(text) : null;
    }

    /// <inheritdoc />
    public IEnumerable<Invoice> ReadInvoices() => Stream($"SELECT {StoredRows.InvoiceColumns} FROM invoices ORDER BY key", StoredRows.Invoice);

    /// <inheritdoc />
    public IEnumerable<Payment> ReadPayments() => Stream($"SELECT {StoredRows.PaymentColumns} FROM payments ORDER BY key", StoredRows.Payment);

    /// <inheritdoc />
    public IEnumerable<Interaction> ReadInteractions() => Stream($"SELECT {StoredRows.InteractionColumns} FROM interactions ORDER BY key", StoredRows.Interaction);

    /// <inheritdoc />
    public IReadOnlyList<Interaction> GetInteractions(string customerKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.InteractionColumns} FROM interactions WHERE customer_key = $c ORDER BY interaction_date DESC, key DESC";
        cmd.Parameters.AddWithValue("$c", customerKey);
        using var r = cmd.ExecuteReader();
        var list = new List<Interaction>();
        while (r.Read()) list.Add(StoredRows.Interaction(r));
        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<RepBook> GetRepBooks(IReadOnlyList<string>? reps = null) => RepBooks.Read(_connection, reps);

    /// <inheritdoc />
    public IEnumerable<Feedback> ReadFeedback() => Stream($"SELECT {StoredRows.FeedbackColumns} FROM feedback ORDER BY key", StoredRows.Feedback);

    private IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return read(r);
    }

    /// <inheritdoc />
    public IReadOnlyList<AssignmentChange> GetOwnerHistory(string customerKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.HistoryColumns} FROM assignment_history WHERE customer_key = $c ORDER BY id";
        cmd.Parameters.AddWithValue("$c", customerKey);
        using var r = cmd.ExecuteReader();
        var list = new List<AssignmentChange>();
        while (r.Read()) list.Add(StoredRows.Change(r));
        return list;
    }

    /// <inheritdoc />
    public long SaveClassificationRun(string by, DateOnly asOf, string schemeText, SchemeOutcome outcome, IReadOnlyList<double> revenue,
        IReadOnlyList<string> tierClasses, IReadOnlyDictionary<string, IReadOnlyList<double>>? figures = null)
    {
        var figureNames = RunFigures.Names(figures, outcome.Customers.Count);
        using var tx = _connection.BeginTransaction();
        using var run = _connection.CreateCommand();
        run.Transaction = tx;
        run.CommandText = """
            INSERT INTO classification_runs (created_at, by_whom, as_of, scheme_name, scheme_text, customers, tier_classes, figure_names)
            VALUES ($at, $by, $asOf, $name, $text, $n, $tiers, $figureNames) RETURNING id
            """;
        run.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        run.Parameters.AddWithValue("$by", by);
        run.Parameters.AddWithValue("$asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        run.Parameters.AddWithValue("$name", outcome.SchemeName);
        run.Parameters.AddWithValue("$text", schemeText);
        run.Parameters.AddWithValue("$n", outcome.Customers.Count);
        run.Parameters.AddWithValue("$tiers", ListColumn.Join(tierClasses));
        run.Parameters.AddWithValue("$figureNames", ListColumn.Join(figureNames));
        long id = Convert.ToInt64(run.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var insert = _connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO classification_results (run_id, customer_key, tier, segment, lifecycle_stage, tags, revenue, details, figures)
            VALUES ($run, $key, $tier, $segment, $stage, $tags, $revenue, $details, $figures)
            """;
        var pRun = insert.Parameters.Add("$run", SqliteType.Integer);
        var pKey = insert.Parameters.Add("$key", SqliteType.Text);
        var pTier = insert.Parameters.Add("$tier", SqliteType.Text);
        var pSegment = insert.Parameters.Add("$segment", SqliteType.Text);
        var pStage = insert.Parameters.Add("$stage", SqliteType.Text);
        var pTags = insert.Parameters.Add("$tags", SqliteType.Text);
        var pDetails = insert.Parameters.Add("$details", SqliteType.Text);
        var pRevenue = insert.Parameters.Add("$revenue", SqliteType.Real);
        var pFigures = insert.Parameters.Add("$figures", SqliteType.Text);
        var buffer = new System.Text.StringBuilder();
        if (revenue.Count != outcome.Customers.Count) throw new ArgumentException("one revenue figure per customer is needed", nameof(revenue));
        insert.Prepare();
        pRun.Value = id;
        for (int i = 0; i < outcome.Customers.Count; i++)
        {
            var c = outcome.Customers[i];
            pRevenue.Value = double.IsFinite(revenue[i]) ? revenue[i] : 0.0;
            pKey.Value = c.CustomerKey;
            pTier.Value = c.Tier;
            pSegment.Value = (object?)c.Segment ?? DBNull.Value;
            pStage.Value = (object?)c.LifecycleStage ?? DBNull.Value;
            pTags.Value = ListColumn.Join(c.Tags);
            pDetails.Value = ClassificationDetails.Format(outcome, c);
            pFigures.Value = RunFigures.Format(figures, figureNames, i, buffer);
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        return id;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClassificationRunInfo> GetClassificationRuns(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.RunColumns} FROM classification_runs ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<ClassificationRunInfo>();
        while (r.Read()) list.Add(StoredRows.Run(r));
        return list;
    }

    /// <inheritdoc />
    public StoredClassification? GetClassification(long runId, string customerKey) =>
        ReadResults("WHERE run_id = $run AND customer_key = $key", runId, customerKey).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, StoredClassLabels> GetClassLabels(long runId, IReadOnlyCollection<string> customerKeys)
    {
        var labels = new Dictionary<string, StoredClassLabels>(StringComparer.Ordinal);
        foreach (var chunk in customerKeys.Distinct().Chunk(500))
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT customer_key, tier, segment, lifecycle_stage FROM classification_results WHERE run_id = $run AND customer_key IN ("
                + string.Join(", ", chunk.Select((_, i) => "$k" + i)) + ")";
            cmd.Parameters.AddWithValue("$run", runId);
            for (int i = 0; i < chunk.Length; i++) cmd.Parameters.AddWithValue("$k" + i, chunk[i]);
            using var r = cmd.ExecuteReader();
            while (r.Read()) labels[r.GetString(0)] = new StoredClassLabels(r.GetString(1), StoredRows.Text(r, 2), StoredRows.Text(r, 3));
        }
        return labels;
    }

    /// <inheritdoc />
    public IEnumerable<StoredClassification> ReadClassifications(long runId) => ReadResults("WHERE run_id = $run", runId, null);

    private IEnumerable<StoredClassification> ReadResults(string where, long runId, string? key)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.ResultColumns} FROM classification_results {where} ORDER BY customer_key";
        cmd.Parameters.AddWithValue("$run", runId);
        if (key is not null) cmd.Parameters.AddWithValue("$key", key);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return StoredRows.Result(r);
    }

    /// <inheritdoc />
    public IReadOnlyList<ImportRecord> GetImports(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.ImportColumns} FROM imports ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<ImportRecord>();
        while (r.Read()) list.Add(StoredRows.Import(r));
        return list;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static DateOnly? DateOrNull(SqliteDataReader r, int i) => StoredRows.DateOrNull(r, i);

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
