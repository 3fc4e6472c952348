using System.Data;
using System.Globalization;
using Allot.Core.Alerts;
using Allot.Core.Engagement;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using Allot.Storage.Maintenance;
using Allot.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Allot.Storage.Postgres;

/// <summary>A maintenance transaction on PostgreSQL: one connection and transaction; a writing session takes the
/// store's write lock first (<see cref="PostgresStore.WriteLockSql"/>), a reading one reads one snapshot without it.</summary>
/// <remarks>
/// <para>The write lock is the one imports and allocation apply take, held to the end of the transaction. A claim
/// therefore never interleaves its check and its write with another claim, a daily job or an import: the second
/// waits, then (READ COMMITTED: every statement sees what committed before it) reads what the first wrote. This is
/// SQLite's <c>BEGIN IMMEDIATE</c> on a server. SERIALIZABLE would also keep the limits, but by failing one of two
/// racing claims with a serialization error that every caller would have to retry, and a daily job running for a
/// minute would fail against any claim made meanwhile; the lock makes them wait instead, as on SQLite. The activity
/// watermarks rely on it too: with every writer of orders and interactions holding the lock, no row with an id below
/// the highest one seen can still commit.</para>
/// <para>A read-only session is a REPEATABLE READ, READ ONLY transaction: one snapshot, no lock, never waits.</para>
/// <para>The SQL is <see cref="MaintenanceSql"/>'s, the same as SQLite's, with positional parameters
/// (<see cref="PostgresDialect.Positional"/>); large reads go through a cursor fetched in batches, so the connection
/// is free for other statements between them (as SQLite allows), and the plan is written by binary COPY.</para>
/// <para>A round trip to the server costs far more than a statement in SQLite's process, and the daily job's first run
/// over a book records tens of thousands of events. So the writes that cannot be refused (a warning, an event's rows
/// after its owner change was made) are queued and sent together, in one batch, before the next statement of the
/// session runs, at commit, or every <see cref="QueueLimit"/> statements; only the owner change itself, whose row count
/// decides whether the event applies, is sent at once. Reads therefore still see every write made before them.</para>
/// </remarks>
internal sealed partial class PostgresMaintenanceSession : IMaintenanceSession
{
    private readonly NpgsqlConnection _c;
    private readonly NpgsqlTransaction _tx;
    private readonly PostgresLocation _where;
    private readonly TimeProvider _clock;
    private readonly bool _write;
    private readonly Dictionary<string, NpgsqlCommand> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _positional = new(StringComparer.Ordinal);
    private readonly List<(string Sql, object?[] Args)> _queue = [];
    private readonly long _runId;
    private bool _open = true;
    private int _cursors;
    private IReadOnlyList<Rep>? _reps;

    /// <summary>Begins the session on <paramref name="connection"/>, which it owns from here on (disposes it).</summary>
    public PostgresMaintenanceSession(NpgsqlConnection connection, TimeProvider clock, bool write, PostgresLocation where)
    {
        _c = connection;
        _clock = clock;
        _write = write;
        _where = where;
        _tx = _c.BeginTransaction(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead);
        try
        {
            if (write)
            {
                // As SQLite's busy timeout: a writer waits up to 10 s for another (an import, an apply, the daily job),
                // then is told the store is busy instead of hanging (a claim from the web UI, say).
                PostgresStore.Exec(_c, "SET LOCAL lock_timeout = '10s'");
                PostgresStore.Exec(_c, PostgresStore.WriteLockSql);
            }
            else PostgresStore.Exec(_c, "SET TRANSACTION READ ONLY");
            // The cursors read whole tables: plan them for all their rows, not for the first few.
            PostgresStore.Exec(_c, "SET LOCAL cursor_tuple_fraction = 1");
            using var run = Command(MaintenanceSql.LatestRun);
            using var r = run.ExecuteReader();
            if (r.Read())
            {
                _runId = r.GetInt64(0);
                ClassifiedOn = StoredRows.Date(r, 1);
            }
            else _runId = -1;
        }
        catch
        {
            _open = false;
            _tx.Dispose();
            throw;
        }
    }

    public DateOnly? ClassifiedOn { get; }

    public void RefreshActivity()
    {
        EnsureOpen();
        if (_write) Guard(() => PostgresActivity.Refresh(this));
    }

    public IReadOnlyList<Rep> ReadReps() => Guard(() =>
    {
        EnsureOpen();
        if (_reps is not null) return _reps;
        using var q = Command($"SELECT {StoredRows.RepColumns} FROM reps ORDER BY key");
        using var r = q.ExecuteReader();
        var list = new List<Rep>();
        while (r.Read()) list.Add(StoredRows.Rep(r));
        return _reps = list;
    });

    public Rep? GetRep(string key) => Guard(() =>
    {
        EnsureOpen();
        using var r = Cached(MaintenanceSql.Rep, key).ExecuteReader();
        if (!r.Read()) return null;
        return new Rep
        {
            Key = r.GetString(0), Name = r.GetString(1), Team = StoredRows.Text(r, 2),
            Level = Enum.Parse<RepLevel>(r.GetString(3), ignoreCase: true), Active = r.GetInt64(4) != 0,
        };
    });

    public int CountOwned(string repKey) => (int)Scalar(MaintenanceSql.CountOwned, repKey);

    public int CountEvents(string repKey, PoolEventKind kind, DateOnly from, DateOnly to) =>
        (int)Scalar(MaintenanceSql.CountEvents, repKey, MaintenanceSql.Kind(kind), from, to);

    public DateOnly? LastLost(string customerKey, string repKey) => Guard(() =>
    {
        EnsureOpen();
        return Cached(MaintenanceSql.LastLost, customerKey, repKey).ExecuteScalar() is string day ? StoredRows.ParseDate(day) : (DateOnly?)null;
    });

    public IEnumerable<InvoiceBalance> ReadOpenInvoices(DateOnly today)
    {
        EnsureOpen();
        // SUM over bigint is numeric on PostgreSQL: the paid amount comes back as a decimal of stored units.
        return Fetch(MaintenanceSql.OpenInvoices, [today], r => new InvoiceBalance(r.GetString(0), r.GetString(1), StoredRows.Date(r, 2),
            StoredMoney.FromStored(r.GetInt64(3)), StoredMoney.FromStored((long)r.GetDecimal(4))));
    }

    public void Apply(PoolEvent e) => Guard(() =>
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(e);
        if (MaintenanceSql.Transition(e.Kind) is ({ } sql, { } why))
        {
            if (Cached(sql, e.CustomerKey, e.Day, e.RepKey).ExecuteNonQuery() != 1)
                throw new InvalidOperationException(MaintenanceSql.Refused(e, why));
        }
        else
        {
            Queue(MaintenanceSql.Warn, e.CustomerKey, e.RepKey, e.Day, e.Due ?? throw new ArgumentException("a warning needs its due date", nameof(e)));
        }
        string now = Now();
        Queue(MaintenanceSql.InsertEvent, e.CustomerKey, MaintenanceSql.Kind(e.Kind), e.Pool, e.RepKey, e.Day, now, e.By, e.Reason, e.Due);
        if (!e.MovesOwner) return;
        Queue(MaintenanceSql.ClearWarning, e.CustomerKey);
        var (from, to) = MaintenanceSql.Owners(e);
        Queue(MaintenanceSql.InsertHistory, e.CustomerKey, from, to, now, e.By, MaintenanceSql.HistoryReason(e));
    });

    public void AddInteraction(Interaction interaction) => Guard(() =>
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(interaction);
        if ((long)Cached(MaintenanceSql.InteractionExists, interaction.Key).ExecuteScalar()! > 0)
            throw new StoreException($"an interaction with key '{interaction.Key}' exists already");
        Cached(MaintenanceSql.InsertInteraction, interaction.Key, interaction.CustomerKey, interaction.RepKey, interaction.Date,
            interaction.Kind.ToString().ToLowerInvariant(), interaction.Outcome, interaction.Note).ExecuteNonQuery();
        Cached(MaintenanceSql.TouchActivity, interaction.CustomerKey, interaction.Date).ExecuteNonQuery();
    });

    public JobRun? GetJobRun(string job, DateOnly day) => Guard(() =>
    {
        EnsureOpen();
        using var r = Cached(MaintenanceSql.GetJobRun, job, day).ExecuteReader();
        return r.Read()
            ? new JobRun(r.GetString(0), StoredRows.Date(r, 1), (int)r.GetInt64(2), StoredRows.Instant(r, 3), StoredRows.Instant(r, 4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : StoredRows.Instant(r, 7))
            : null;
    });

    public void RecordJobRun(string job, DateOnly day, string by, string summary) => Guard(() =>
    {
        EnsureWrite();
        Cached(MaintenanceSql.RecordJobRun, job, day, Now(), by, summary).ExecuteNonQuery();
    });

    public void MarkDigestSent(string job, DateOnly day) => Guard(() =>
    {
        EnsureWrite();
        Cached(MaintenanceSql.MarkDigestSent, job, day, Now()).ExecuteNonQuery();
    });

    public void Commit()
    {
        EnsureOpen();
        Guard(() =>
        {
            Flush();
            _tx.Commit();
        });
        _open = false;
        Close();
    }

    public void Dispose()
    {
        _queue.Clear();
        if (_open)
        {
            _open = false;
            // Nothing of an uncommitted session is kept; when the connection is gone the server has rolled back already.
            try { _tx.Rollback(); }
            catch (Exception e) when (PostgresErrors.Handles(e) || e is InvalidOperationException) { }
        }
        Close();
    }

    private void Close()
    {
        foreach (var s in _statements.Values) s.Dispose();
        _statements.Clear();
        _tx.Dispose();
        _c.Dispose();
    }

    // --- statements ---------------------------------------------------------------------------------------------

    /// <summary>A one-off command with the shared SQL's parameters bound; the caller disposes it.</summary>
    internal NpgsqlCommand Command(string sql, params object?[] args)
    {
        Flush();
        var cmd = new NpgsqlCommand(Positional(sql), _c, _tx);
        Bind(cmd, args);
        return cmd;
    }

    /// <summary>A command kept (and prepared on the server) for the session, bound afresh by each use.</summary>
    internal NpgsqlCommand Cached(string sql, params object?[] args)
    {
        Flush();
        if (!_statements.TryGetValue(sql, out var cmd))
        {
            cmd = Command(sql, args);
            cmd.Prepare();
            _statements[sql] = cmd;
            return cmd;
        }
        for (int i = 0; i < args.Length; i++) Set(cmd.Parameters[i], args[i]);
        return cmd;
    }

    /// <summary>Statements queued before they are sent in one batch.</summary>
    private const int QueueLimit = 4096;

    /// <summary>Queues a write that cannot be refused; it is sent before the session's next statement.</summary>
    private void Queue(string sql, params object?[] args)
    {
        _queue.Add((sql, args));
        if (_queue.Count >= QueueLimit) Flush();
    }

    /// <summary>Sends the queued writes, in order, in one round trip.</summary>
    private void Flush()
    {
        if (_queue.Count == 0) return;
        using var batch = new NpgsqlBatch(_c, _tx);
        foreach (var (sql, args) in _queue)
        {
            var cmd = new NpgsqlBatchCommand(Positional(sql));
            foreach (var arg in args)
            {
                var p = new NpgsqlParameter();
                Set(p, arg);
                cmd.Parameters.Add(p);
            }
            batch.BatchCommands.Add(cmd);
        }
        _queue.Clear();
        batch.ExecuteNonQuery();
    }

    private string Positional(string sql)
    {
        if (!_positional.TryGetValue(sql, out var translated)) _positional[sql] = translated = PostgresDialect.Positional(sql);
        return translated;
    }

    internal long Scalar(string sql, params object?[] args) => Guard(() =>
    {
        EnsureOpen();
        return Convert.ToInt64(Cached(sql, args).ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    private static void Bind(NpgsqlCommand cmd, object?[] args)
    {
        foreach (var arg in args)
        {
            var p = new NpgsqlParameter();
            Set(p, arg);
            cmd.Parameters.Add(p);
        }
    }

    /// <summary>A value as the schema keeps it: text (dates as ISO text, NULL as a typed text NULL — every nullable
    /// parameter of the shared SQL is text) or a 64-bit integer.</summary>
    private static void Set(NpgsqlParameter p, object? value)
    {
        switch (value)
        {
            case null:
                p.NpgsqlDbType = NpgsqlDbType.Text;
                p.Value = DBNull.Value;
                break;
            case string s:
                p.NpgsqlDbType = NpgsqlDbType.Text;
                p.Value = s;
                break;
            case DateOnly d:
                p.NpgsqlDbType = NpgsqlDbType.Text;
                p.Value = StoredRows.FormatDate(d);
                break;
            case long or int:
                p.NpgsqlDbType = NpgsqlDbType.Bigint;
                p.Value = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                break;
            case string[] keys:
                p.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
                p.Value = keys;
                break;
            default:
                throw new ArgumentException($"no stored form for a {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Reads a query's rows through a cursor, a batch at a time, so nothing holds the connection while the
    /// caller works on a batch (and the book's rows are not all in memory at once).</summary>
    internal IEnumerable<T> Fetch<T>(string sql, object?[] args, Func<NpgsqlDataReader, T> read)
    {
        const int Batch = 8192;
        string cursor = "allot_read_" + (++_cursors).ToString(CultureInfo.InvariantCulture);
        Guard(() =>
        {
            using var declare = Command($"DECLARE {cursor} NO SCROLL CURSOR FOR " + sql, args);
            declare.ExecuteNonQuery();
        });
        var batch = new List<T>(Batch);
        bool more = true;
        try
        {
            while (more)
            {
                Guard(() =>
                {
                    batch.Clear();
                    using var fetch = new NpgsqlCommand($"FETCH {Batch} FROM {cursor}", _c, _tx);
                    using var r = fetch.ExecuteReader();
                    while (r.Read()) batch.Add(read(r));
                    more = batch.Count == Batch;
                });
                foreach (var item in batch) yield return item;
            }
        }
        finally
        {
            // Left open, a cursor would only cost memory until the transaction ends; close it when the connection
            // is still usable (not after a failure, which aborted the transaction anyway).
            if (_open && _c.FullState == ConnectionState.Open)
            {
                try { PostgresStore.Exec(_c, $"CLOSE {cursor}"); }
                catch (PostgresException) { }
            }
        }
    }

    /// <summary>Runs a piece of the session; driver failures become <see cref="StoreException"/>.</summary>
    internal void Guard(Action body) => Guard(() =>
    {
        body();
        return 0;
    });

    /// <summary>Runs a piece of the session; driver failures become <see cref="StoreException"/>.</summary>
    internal T Guard<T>(Func<T> body) => PostgresErrors.Guard(body, _where);

    private void EnsureOpen()
    {
        if (!_open) throw new InvalidOperationException("the maintenance session is finished");
    }

    private void EnsureWrite()
    {
        EnsureOpen();
        if (!_write) throw new InvalidOperationException("this maintenance session is read-only");
    }

    internal NpgsqlConnection Connection => _c;

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
}
