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
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        void Filter(string column, string? value)
        {
            if (value is null) return;
            string name = "$" + column;
            where.Add($"{column} = {name}");
            cmd.Parameters.AddWithValue(name, value);
        }
        Filter("type", query.Type);
        Filter("region", query.Region);
        Filter("industry", query.Industry);
        if (query.Owner == "-") where.Add("owner_rep IS NULL");
        else Filter("owner_rep", query.Owner);
        if (!string.IsNullOrEmpty(query.Text))
        {
            where.Add("(instr(key, $text) > 0 OR instr(name, $text) > 0 OR instr(COALESCE(phone, ''), $text) > 0 OR instr(lower(COALESCE(email, '')), lower($text)) > 0)");
            cmd.Parameters.AddWithValue("$text", query.Text);
        }
        cmd.CommandText = $"SELECT {CustomerRows.Columns} FROM customers"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY key LIMIT $limit OFFSET $offset";
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.Parameters.AddWithValue("$offset", query.Offset);
        using var r = cmd.ExecuteReader();
        var list = new List<Customer>();
        while (r.Read()) list.Add(CustomerRows.Read(r));
        return list;
    }

    /// <inheritdoc />
    public IEnumerable<Customer> ReadCustomers()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {CustomerRows.Columns} FROM customers ORDER BY key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return CustomerRows.Read(r);
    }

    /// <inheritdoc />
    public Customer? GetCustomer(string key)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {CustomerRows.Columns} FROM customers WHERE key = $key";
        cmd.Parameters.AddWithValue("$key", key);
        using var r = cmd.ExecuteReader();
        return r.Read() ? CustomerRows.Read(r) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<Rep> GetReps()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT key, name, team, regions, industries, level, product_skill, selling_skill, relationship_skill,
                   capacity, capacity_by_tier, active, start_date FROM reps ORDER BY key
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<Rep>();
        while (r.Read())
        {
            list.Add(new Rep
            {
                Key = r.GetString(0),
                Name = r.GetString(1),
                Team = r.IsDBNull(2) ? null : r.GetString(2),
                Regions = ListColumn.Split(r.GetString(3)),
                Industries = ListColumn.Split(r.GetString(4)),
                Level = Enum.Parse<RepLevel>(r.GetString(5), ignoreCase: true),
                ProductSkill = r.IsDBNull(6) ? null : r.GetInt32(6),
                SellingSkill = r.IsDBNull(7) ? null : r.GetInt32(7),
                RelationshipSkill = r.IsDBNull(8) ? null : r.GetInt32(8),
                Capacity = r.IsDBNull(9) ? null : r.GetInt32(9),
                CapacityByTier = ListColumn.SplitPairs(r.GetString(10)),
                Active = r.GetInt64(11) != 0,
                StartDate = DateOrNull(r, 12),
            });
        }
        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<Order> GetOrders(string customerKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {OrderColumns} FROM orders WHERE customer_key = $c ORDER BY order_date, key";
        cmd.Parameters.AddWithValue("$c", customerKey);
        using var r = cmd.ExecuteReader();
        var list = new List<Order>();
        while (r.Read()) list.Add(ReadOrder(r));
        return list;
    }

    /// <inheritdoc />
    public IEnumerable<Order> ReadOrders()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {OrderColumns} FROM orders ORDER BY key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return ReadOrder(r);
    }

    /// <inheritdoc />
    public IEnumerable<Invoice> ReadInvoices() => Stream("SELECT key, customer_key, issue_date, due_date, amount FROM invoices ORDER BY key",
        r => new Invoice { Key = r.GetString(0), CustomerKey = r.GetString(1), IssueDate = Date(r, 2), DueDate = Date(r, 3), Amount = StoredMoney.FromStored(r.GetInt64(4)) });

    /// <inheritdoc />
    public IEnumerable<Payment> ReadPayments() => Stream("SELECT key, invoice_key, payment_date, amount FROM payments ORDER BY key",
        r => new Payment { Key = r.GetString(0), InvoiceKey = r.GetString(1), Date = Date(r, 2), Amount = StoredMoney.FromStored(r.GetInt64(3)) });

    /// <inheritdoc />
    public IEnumerable<Interaction> ReadInteractions() => Stream(
        "SELECT key, customer_key, rep_key, interaction_date, kind, outcome, note FROM interactions ORDER BY key",
        r => new Interaction
        {
            Key = r.GetString(0), CustomerKey = r.GetString(1), RepKey = r.IsDBNull(2) ? null : r.GetString(2), Date = Date(r, 3),
            Kind = Enum.Parse<InteractionKind>(r.GetString(4), ignoreCase: true),
            Outcome = r.IsDBNull(5) ? null : r.GetString(5), Note = r.IsDBNull(6) ? null : r.GetString(6),
        });

    /// <inheritdoc />
    public IEnumerable<Feedback> ReadFeedback() => Stream(
        "SELECT key, customer_key, feedback_date, satisfaction, nps, comment FROM feedback ORDER BY key",
        r => new Feedback
        {
            Key = r.GetString(0), CustomerKey = r.GetString(1), Date = Date(r, 2),
            Satisfaction = r.IsDBNull(3) ? null : r.GetInt32(3), Nps = r.IsDBNull(4) ? null : r.GetInt32(4),
            Comment = r.IsDBNull(5) ? null : r.GetString(5),
        });

    private IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return read(r);
    }

    private static DateOnly Date(SqliteDataReader r, int i) => DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public IReadOnlyList<AssignmentChange> GetOwnerHistory(string customerKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT customer_key, from_rep, to_rep, changed_at, by_whom, reason, run_id
            FROM assignment_history WHERE customer_key = $c ORDER BY id
            """;
        cmd.Parameters.AddWithValue("$c", customerKey);
        using var r = cmd.ExecuteReader();
        var list = new List<AssignmentChange>();
        while (r.Read())
        {
            list.Add(new AssignmentChange(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetInt64(6)));
        }
        return list;
    }

    /// <inheritdoc />
    public long SaveClassificationRun(string by, DateOnly asOf, string schemeText, SchemeOutcome outcome, IReadOnlyList<double> revenue,
        IReadOnlyList<string> tierClasses)
    {
        using var tx = _connection.BeginTransaction();
        using var run = _connection.CreateCommand();
        run.Transaction = tx;
        run.CommandText = """
            INSERT INTO classification_runs (created_at, by_whom, as_of, scheme_name, scheme_text, customers, tier_classes)
            VALUES ($at, $by, $asOf, $name, $text, $n, $tiers) RETURNING id
            """;
        run.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        run.Parameters.AddWithValue("$by", by);
        run.Parameters.AddWithValue("$asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        run.Parameters.AddWithValue("$name", outcome.SchemeName);
        run.Parameters.AddWithValue("$text", schemeText);
        run.Parameters.AddWithValue("$n", outcome.Customers.Count);
        run.Parameters.AddWithValue("$tiers", ListColumn.Join(tierClasses));
        long id = Convert.ToInt64(run.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var insert = _connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO classification_results (run_id, customer_key, tier, segment, lifecycle_stage, tags, revenue, details)
            VALUES ($run, $key, $tier, $segment, $stage, $tags, $revenue, $details)
            """;
        var pRun = insert.Parameters.Add("$run", SqliteType.Integer);
        var pKey = insert.Parameters.Add("$key", SqliteType.Text);
        var pTier = insert.Parameters.Add("$tier", SqliteType.Text);
        var pSegment = insert.Parameters.Add("$segment", SqliteType.Text);
        var pStage = insert.Parameters.Add("$stage", SqliteType.Text);
        var pTags = insert.Parameters.Add("$tags", SqliteType.Text);
        var pDetails = insert.Parameters.Add("$details", SqliteType.Text);
        var pRevenue = insert.Parameters.Add("$revenue", SqliteType.Real);
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
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        return id;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClassificationRunInfo> GetClassificationRuns(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, created_at, by_whom, as_of, scheme_name, customers, tier_classes FROM classification_runs ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<ClassificationRunInfo>();
        while (r.Read())
            list.Add(new ClassificationRunInfo(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2),
                Date(r, 3), r.GetString(4), r.GetInt32(5), ListColumn.Split(r.GetString(6))));
        return list;
    }

    /// <inheritdoc />
    public StoredClassification? GetClassification(long runId, string customerKey) =>
        ReadResults("WHERE run_id = $run AND customer_key = $key", runId, customerKey).FirstOrDefault();

    /// <inheritdoc />
    public IEnumerable<StoredClassification> ReadClassifications(long runId) => ReadResults("WHERE run_id = $run", runId, null);

    private IEnumerable<StoredClassification> ReadResults(string where, long runId, string? key)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT run_id, customer_key, tier, segment, lifecycle_stage, tags, details, revenue FROM classification_results {where} ORDER BY customer_key";
        cmd.Parameters.AddWithValue("$run", runId);
        if (key is not null) cmd.Parameters.AddWithValue("$key", key);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new StoredClassification(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), ListColumn.Split(r.GetString(5)), ClassificationDetails.Parse(r.GetString(6)), r.GetDouble(7));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ImportRecord> GetImports(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, kind, file, started_at, by_whom, read_rows, imported, updated, rejected FROM imports ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<ImportRecord>();
        while (r.Read())
        {
            list.Add(new ImportRecord(r.GetInt64(0), Enum.Parse<EntityKind>(r.GetString(1), ignoreCase: true), r.GetString(2),
                DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture), r.GetString(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)));
        }
        return list;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private const string OrderColumns = "key, customer_key, order_date, amount, profit, category, channel, quantity";

    private static Order ReadOrder(SqliteDataReader r) => new()
    {
        Key = r.GetString(0),
        CustomerKey = r.GetString(1),
        Date = DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Amount = StoredMoney.FromStored(r.GetInt64(3)),
        Profit = r.IsDBNull(4) ? null : StoredMoney.FromStored(r.GetInt64(4)),
        Category = r.IsDBNull(5) ? null : r.GetString(5),
        Channel = r.IsDBNull(6) ? null : r.GetString(6),
        Quantity = r.IsDBNull(7) ? null : (decimal)r.GetDouble(7),
    };

    internal static DateOnly? DateOrNull(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
