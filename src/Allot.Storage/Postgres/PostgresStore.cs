using System.Data.Common;
using System.Globalization;
using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Ownership;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Storage.Migrations;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>The server store: the same schema as SQLite (the portable migrations, translated by
/// <see cref="PostgresDialect"/>) in a PostgreSQL database, optionally in a schema of its own.</summary>
/// <remarks>
/// <para>Each operation takes a pooled connection and gives it back, so a connection lost between two commands
/// costs one failed command, not the store: the next one opens a fresh connection. Failures reach callers as
/// <see cref="StoreException"/> with a message that never shows the password (<see cref="PostgresErrors"/>).</para>
/// <para>Writers that change the book (imports, allocation apply) hold the store's write lock, a
/// transaction-scoped advisory lock per schema (<see cref="WriteLockSql"/>), so two of them run one after the
/// other and each sees everything the other committed. Readers never wait for it.</para>
/// </remarks>
public sealed partial class PostgresStore : IStore
{
    /// <summary>Takes the store's write lock until the end of the transaction.</summary>
    internal const string WriteLockSql = "SELECT pg_advisory_xact_lock(hashtextextended('allot.write:' || current_schema(), 0))";

    private const string MigrateLockSql = "SELECT pg_advisory_lock(hashtextextended('allot.migrate:' || COALESCE(@s::text, current_schema()), 0))";
    private const string MigrateUnlockSql = "SELECT pg_advisory_unlock(hashtextextended('allot.migrate:' || COALESCE(@s::text, current_schema()), 0))";

    private readonly NpgsqlDataSource _source;
    private readonly PostgresLocation _where;
    private readonly TimeProvider _clock;

    private PostgresStore(NpgsqlDataSource source, PostgresLocation where, TimeProvider clock, int version)
    {
        _source = source;
        _where = where;
        _clock = clock;
        SchemaVersion = version;
    }

    /// <inheritdoc />
    public string Location => _where.Description;

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>Opens the store at a URL or connection string (see <see cref="PostgresLocation"/>), migrating it.</summary>
    /// <exception cref="StoreException">The server is unreachable, refuses the login, has no store there (and
    /// <paramref name="create"/> is false), or holds a newer schema than this program.</exception>
    public static PostgresStore Open(string db, bool create = true, TimeProvider? clock = null) =>
        Open(PostgresLocation.Parse(db), create, clock);

    /// <summary>Opens the store at a parsed location, migrating it.</summary>
    public static PostgresStore Open(PostgresLocation where, bool create = true, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(where);
        clock ??= TimeProvider.System;
        var source = NpgsqlDataSource.Create(where.ConnectionString);
        try
        {
            using var c = source.OpenConnection();
            // Two processes opening a new store at once would both create it: one does, the other waits, then
            // finds it made. The lock is named after the store's schema, which may not exist yet.
            Exec(c, MigrateLockSql, ("s", (object?)where.Schema ?? DBNull.Value));
            try
            {
                if (where.Schema is not null)
                {
                    if (create) Exec(c, $"CREATE SCHEMA IF NOT EXISTS {where.Schema}");
                    else if (Scalar(c, $"SELECT 1 FROM pg_namespace WHERE nspname = '{where.Schema}'") is null)
                        throw new StoreException($"no store at {where.Description} (no schema {where.Schema}); create one with `allot init` or `allot import`");
                }
                if (!create && Scalar(c, "SELECT to_regclass('schema_migrations')::text") is null)
                    throw new StoreException($"no store at {where.Description}; create one with `allot init` or `allot import`");
                int version = Migrator.Migrate(c, clock, PostgresDialect.Translate);
                return new PostgresStore(source, where, clock, version);
            }
            finally
            {
                if (c.FullState == System.Data.ConnectionState.Open) Exec(c, MigrateUnlockSql, ("s", (object?)where.Schema ?? DBNull.Value));
            }
        }
        catch (Exception e)
        {
            source.Dispose();
            if (PostgresErrors.Handles(e)) throw PostgresErrors.From(e, where);
            throw;
        }
    }

    /// <summary>Drops a store's schema with everything in it (the demo replaces its own store this way).</summary>
    /// <exception cref="StoreException">The location names no schema of its own, or the schema holds tables that
    /// are not an Allot store's.</exception>
    public static void DropSchema(PostgresLocation where)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.Schema is null) throw new StoreException("only a store in a schema of its own (?schema=NAME) can be dropped whole");
        using var source = NpgsqlDataSource.Create(where.ConnectionString);
        try
        {
            using var c = source.OpenConnection();
            bool foreign = Scalar(c, $"""
                SELECT 1 FROM pg_tables WHERE schemaname = '{where.Schema}'
                HAVING count(*) > 0 AND count(*) FILTER (WHERE tablename = 'schema_migrations') = 0
                """) is not null;
            if (foreign) throw new StoreException($"schema {where.Schema} holds tables that are not an Allot store's; not dropping it");
            Exec(c, $"DROP SCHEMA IF EXISTS {where.Schema} CASCADE");
        }
        catch (Exception e) when (PostgresErrors.Handles(e))
        {
            throw PostgresErrors.From(e, where);
        }
    }

    /// <inheritdoc />
    public IImportSession BeginImport(string by)
    {
        NpgsqlConnection? c = null;
        try
        {
            c = _source.OpenConnection();
            return new PostgresImportSession(c, by, _clock, _where);
        }
        catch (Exception e)
        {
            c?.Dispose();
            if (PostgresErrors.Handles(e)) throw PostgresErrors.From(e, _where);
            throw;
        }
    }

    /// <inheritdoc />
    public StoreStats GetStats() => Run(c =>
    {
        using var cmd = Command(c, """
            SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM reps), (SELECT COUNT(*) FROM orders),
                   (SELECT COALESCE(SUM(amount), 0) FROM orders), (SELECT COALESCE(SUM(profit), 0) FROM orders),
                   (SELECT COUNT(*) FROM invoices), (SELECT COUNT(*) FROM payments),
                   (SELECT COUNT(*) FROM interactions), (SELECT COUNT(*) FROM feedback),
                   (SELECT MIN(order_date) FROM orders), (SELECT MAX(order_date) FROM orders)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2),
            r.GetDecimal(3) / StoredMoney.Scale, r.GetDecimal(4) / StoredMoney.Scale,
            r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), StoredRows.DateOrNull(r, 9), StoredRows.DateOrNull(r, 10));
    });

    /// <inheritdoc />
    public IReadOnlyList<Customer> FindCustomers(CustomerQuery query) => Run(c =>
    {
        var (where, parameters) = CustomerQuerySql.Build(query, "strpos");
        using var cmd = c.CreateCommand();
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.CommandText = $"SELECT {StoredRows.CustomerColumns} FROM customers"
            + (where.Length > 0 ? " WHERE " + where : "")
            + " ORDER BY key LIMIT @limit OFFSET @offset";
        cmd.Parameters.AddWithValue("limit", (long)query.Limit);
        cmd.Parameters.AddWithValue("offset", (long)query.Offset);
        return ReadAll(cmd, StoredRows.Customer);
    });

    /// <inheritdoc />
    public IEnumerable<Customer> ReadCustomers() => Stream($"SELECT {StoredRows.CustomerColumns} FROM customers ORDER BY key", StoredRows.Customer);

    /// <inheritdoc />
    public Customer? GetCustomer(string key) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.CustomerColumns} FROM customers WHERE key = @key", ("key", key));
        return ReadAll(cmd, StoredRows.Customer).FirstOrDefault();
    });

    /// <inheritdoc />
    public IReadOnlyList<Rep> GetReps() => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.RepColumns} FROM reps ORDER BY key");
        return ReadAll(cmd, StoredRows.Rep);
    });

    /// <inheritdoc />
    public IReadOnlyList<Order> GetOrders(string customerKey) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.OrderColumns} FROM orders WHERE customer_key = @c ORDER BY order_date, key", ("c", customerKey));
        return ReadAll(cmd, StoredRows.Order);
    });

    /// <inheritdoc />
    public IEnumerable<Order> ReadOrders() => Stream($"SELECT {StoredRows.OrderColumns} FROM orders ORDER BY key", StoredRows.Order);

    /// <inheritdoc />
    public DateOnly? LatestOrderDate() => Run(c => Scalar(c, "SELECT MAX(order_date) FROM orders") is string text ? StoredRows.ParseDate(text) : (DateOnly?)null);

    /// <inheritdoc />
    public IEnumerable<Invoice> ReadInvoices() => Stream($"SELECT {StoredRows.InvoiceColumns} FROM invoices ORDER BY key", StoredRows.Invoice);

    /// <inheritdoc />
    public IEnumerable<Payment> ReadPayments() => Stream($"SELECT {StoredRows.PaymentColumns} FROM payments ORDER BY key", StoredRows.Payment);

    /// <inheritdoc />
    public IEnumerable<Interaction> ReadInteractions() => Stream($"SELECT {StoredRows.InteractionColumns} FROM interactions ORDER BY key", StoredRows.Interaction);

    /// <inheritdoc />
    public IReadOnlyList<Interaction> GetInteractions(string customerKey) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.InteractionColumns} FROM interactions WHERE customer_key = @c ORDER BY interaction_date DESC, key DESC",
            ("c", customerKey));
        return ReadAll(cmd, StoredRows.Interaction);
    });

    /// <inheritdoc />
    public IReadOnlyList<RepBook> GetRepBooks(IReadOnlyList<string>? reps = null) => Run(c => RepBooks.Read(c, reps));

    /// <inheritdoc />
    public IEnumerable<Feedback> ReadFeedback() => Stream($"SELECT {StoredRows.FeedbackColumns} FROM feedback ORDER BY key", StoredRows.Feedback);

    /// <inheritdoc />
    public IReadOnlyList<AssignmentChange> GetOwnerHistory(string customerKey) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.HistoryColumns} FROM assignment_history WHERE customer_key = @c ORDER BY id", ("c", customerKey));
        return ReadAll(cmd, StoredRows.Change);
    });

    /// <inheritdoc />
    public long SaveClassificationRun(string by, DateOnly asOf, string schemeText, SchemeOutcome outcome, IReadOnlyList<double> revenue,
        IReadOnlyList<string> tierClasses, IReadOnlyDictionary<string, IReadOnlyList<double>>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(revenue);
        if (revenue.Count != outcome.Customers.Count) throw new ArgumentException("one revenue figure per customer is needed", nameof(revenue));
        var figureNames = RunFigures.Names(figures, outcome.Customers.Count);
        var buffer = new System.Text.StringBuilder();
        return Run(c =>
        {
            using var tx = c.BeginTransaction();
            using var run = Command(c, """
                INSERT INTO classification_runs (created_at, by_whom, as_of, scheme_name, scheme_text, customers, tier_classes, figure_names)
                VALUES (@at, @by, @asOf, @name, @text, @n, @tiers, @figureNames) RETURNING id
                """, ("at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("by", by), ("asOf", StoredRows.FormatDate(asOf)), ("name", outcome.SchemeName),
                ("text", schemeText), ("n", (long)outcome.Customers.Count), ("tiers", ListColumn.Join(tierClasses)), ("figureNames", ListColumn.Join(figureNames)));
            long id = (long)run.ExecuteScalar()!;
            using (var copy = new BinaryCopy(c, "classification_results (run_id, customer_key, tier, segment, lifecycle_stage, tags, revenue, details, figures)"))
            {
                for (int i = 0; i < outcome.Customers.Count; i++)
                {
                    var x = outcome.Customers[i];
                    copy.StartRow(9);
                    copy.Int64(id);
                    copy.Text(x.CustomerKey);
                    copy.Text(x.Tier);
                    copy.Text(x.Segment);
                    copy.Text(x.LifecycleStage);
                    copy.Text(ListColumn.Join(x.Tags));
                    copy.Double(double.IsFinite(revenue[i]) ? revenue[i] : 0.0);
                    copy.Text(ClassificationDetails.Format(outcome, x));
                    copy.Text(RunFigures.Format(figures, figureNames, i, buffer));
                }
                copy.Complete();
            }
            tx.Commit();
            return id;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<ClassificationRunInfo> GetClassificationRuns(int limit = 50) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.RunColumns} FROM classification_runs ORDER BY id DESC LIMIT @l", ("l", (long)limit));
        return ReadAll(cmd, StoredRows.Run);
    });

    /// <inheritdoc />
    public StoredClassification? GetClassification(long runId, string customerKey) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.ResultColumns} FROM classification_results WHERE run_id = @run AND customer_key = @key",
            ("run", runId), ("key", customerKey));
        return ReadAll(cmd, StoredRows.Result).FirstOrDefault();
    });

    /// <inheritdoc />
    public IReadOnlyDictionary<string, StoredClassLabels> GetClassLabels(long runId, IReadOnlyCollection<string> customerKeys) => Run(c =>
    {
        using var cmd = Command(c, "SELECT customer_key, tier, segment, lifecycle_stage FROM classification_results WHERE run_id = @run AND customer_key = ANY(@keys)",
            ("run", runId), ("keys", customerKeys.Distinct().ToArray()));
        using var r = cmd.ExecuteReader();
        var labels = new Dictionary<string, StoredClassLabels>(StringComparer.Ordinal);
        while (r.Read()) labels[r.GetString(0)] = new StoredClassLabels(r.GetString(1), StoredRows.Text(r, 2), StoredRows.Text(r, 3));
        return (IReadOnlyDictionary<string, StoredClassLabels>)labels;
    });

    /// <inheritdoc />
    public IEnumerable<StoredClassification> ReadClassifications(long runId) =>
        Stream($"SELECT {StoredRows.ResultColumns} FROM classification_results WHERE run_id = @run ORDER BY customer_key", StoredRows.Result, ("run", runId));

    /// <inheritdoc />
    public IReadOnlyList<ImportRecord> GetImports(int limit = 50) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {StoredRows.ImportColumns} FROM imports ORDER BY id DESC LIMIT @l", ("l", (long)limit));
        return ReadAll(cmd, StoredRows.Import);
    });

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    // --- connections, commands and errors -------------------------------------------------------------------

    /// <summary>Runs one operation on a pooled connection; driver failures become <see cref="StoreException"/>.</summary>
    private T Run<T>(Func<NpgsqlConnection, T> body)
    {
        try
        {
            using var c = _source.OpenConnection();
            return body(c);
        }
        catch (Exception e) when (PostgresErrors.Handles(e))
        {
            throw PostgresErrors.From(e, _where);
        }
    }

    /// <summary>Streams rows on a connection of their own, held until the enumeration ends or is disposed.</summary>
    private IEnumerable<T> Stream<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        NpgsqlConnection? c = null;
        NpgsqlCommand? cmd = null;
        NpgsqlDataReader? r = null;
        try
        {
            try
            {
                c = _source.OpenConnection();
                cmd = Command(c, sql, parameters);
                r = cmd.ExecuteReader();
            }
            catch (Exception e) when (PostgresErrors.Handles(e))
            {
                throw PostgresErrors.From(e, _where);
            }
            while (true)
            {
                T item;
                try
                {
                    if (!r.Read()) break;
                    item = read(r);
                }
                catch (Exception e) when (PostgresErrors.Handles(e))
                {
                    throw PostgresErrors.From(e, _where);
                }
                yield return item;
            }
        }
        finally
        {
            r?.Dispose();
            cmd?.Dispose();
            c?.Dispose();
        }
    }

    private static List<T> ReadAll<T>(NpgsqlCommand cmd, Func<DbDataReader, T> read)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    internal static NpgsqlCommand Command(NpgsqlConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, c);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    internal static void Exec(NpgsqlConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(c, sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
