using System.Globalization;
using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Allot.Storage.Sqlite;

/// <summary>A maintenance transaction on SQLite: <c>BEGIN IMMEDIATE</c> (or a plain read transaction), raw prepared
/// statements, <c>COMMIT</c> or roll back.</summary>
/// <remarks>Taking the write lock at the start means two sessions never interleave a check and a write: a second
/// claim waits (up to the busy timeout) until the first has committed, then reads what it wrote.</remarks>
internal sealed partial class SqliteMaintenanceSession : IMaintenanceSession
{
    private readonly sqlite3 _db;
    private readonly TimeProvider _clock;
    private readonly bool _write;
    private readonly Dictionary<string, RawStatement> _statements = new(StringComparer.Ordinal);
    private readonly TextPool _pool = new();
    private readonly long _runId;
    private bool _open = true;
    private IReadOnlyList<Rep>? _reps;

    public SqliteMaintenanceSession(SqliteConnection connection, TimeProvider clock, bool write)
    {
        _db = connection.Handle ?? throw new StoreException("the store connection is closed");
        _clock = clock;
        _write = write;
        // The plan and the activity summary write hundreds of thousands of index entries; SQLite's default 2 MB page
        // cache would spill them to disk again and again (the import session does the same).
        if (write) Exec("PRAGMA cache_size=-262144");
        Exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
        try
        {
            using var run = Prepare("SELECT id, as_of FROM classification_runs ORDER BY id DESC LIMIT 1");
            if (run.Step())
            {
                _runId = run.ColumnInt64(0);
                ClassifiedOn = TextPool.Date(run.ColumnBytes(1));
            }
            else _runId = -1;
        }
        catch
        {
            raw.sqlite3_exec(_db, "ROLLBACK");
            throw;
        }
    }

    public DateOnly? ClassifiedOn { get; }

    public void RefreshActivity()
    {
        EnsureOpen();
        if (_write) ActivitySummary.Refresh(_db, Prepare);
    }

    public IReadOnlyList<Rep> ReadReps()
    {
        EnsureOpen();
        if (_reps is not null) return _reps;
        using var q = Prepare("SELECT key, name, team, regions, industries, level, capacity, active, start_date FROM reps ORDER BY key");
        var list = new List<Rep>();
        while (q.Step())
        {
            list.Add(new Rep
            {
                Key = q.ColumnText(0)!, Name = q.ColumnText(1) ?? "", Team = q.ColumnText(2),
                Regions = ListColumn.Split(q.ColumnText(3) ?? ""), Industries = ListColumn.Split(q.ColumnText(4) ?? ""),
                Level = Enum.Parse<RepLevel>(q.ColumnText(5)!, ignoreCase: true),
                Capacity = q.ColumnIsNull(6) ? null : (int)q.ColumnInt64(6), Active = q.ColumnInt64(7) != 0,
                StartDate = TextPool.Date(q.ColumnBytes(8)),
            });
        }
        return _reps = list;
    }

    public Rep? GetRep(string key)
    {
        EnsureOpen();
        var q = Cached("SELECT key, name, team, level, active FROM reps WHERE key = ?1");
        q.Bind(1, key);
        try
        {
            if (!q.Step()) return null;
            return new Rep
            {
                Key = q.ColumnText(0)!, Name = q.ColumnText(1) ?? "", Team = q.ColumnText(2),
                Level = Enum.Parse<RepLevel>(q.ColumnText(3)!, ignoreCase: true), Active = q.ColumnInt64(4) != 0,
            };
        }
        finally { q.Reset(); }
    }

    public int CountOwned(string repKey) => (int)Scalar("SELECT COUNT(*) FROM customers WHERE owner_rep = ?1 AND status = 'active'", repKey);

    public int CountEvents(string repKey, PoolEventKind kind, DateOnly from, DateOnly to)
    {
        EnsureOpen();
        var q = Cached("SELECT COUNT(*) FROM pool_events WHERE rep_key = ?1 AND kind = ?2 AND event_day >= ?3 AND event_day <= ?4");
        q.Bind(1, repKey);
        q.Bind(2, Kind(kind));
        q.Bind(3, from);
        q.Bind(4, to);
        try
        {
            q.Step();
            return (int)q.ColumnInt64(0);
        }
        finally { q.Reset(); }
    }

    public DateOnly? LastLost(string customerKey, string repKey)
    {
        EnsureOpen();
        var q = Cached("SELECT MAX(event_day) FROM pool_events WHERE customer_key = ?1 AND kind IN ('reclaimed', 'released') AND rep_key = ?2");
        q.Bind(1, customerKey);
        q.Bind(2, repKey);
        try
        {
            return q.Step() ? TextPool.Date(q.ColumnBytes(0)) : null;
        }
        finally { q.Reset(); }
    }

    public IEnumerable<InvoiceBalance> ReadOpenInvoices(DateOnly today)
    {
        EnsureOpen();
        // Payments per invoice first (one pass over payments), then invoices joined to them by key.
        using var q = Prepare("""
            SELECT i.customer_key, i.key, i.due_date, i.amount, COALESCE(p.paid, 0)
            FROM invoices i
            LEFT JOIN (SELECT invoice_key, SUM(amount) AS paid FROM payments WHERE payment_date <= ?1 GROUP BY invoice_key) p ON p.invoice_key = i.key
            WHERE i.issue_date <= ?1 AND COALESCE(p.paid, 0) < i.amount
            ORDER BY i.customer_key, i.key
            """);
        q.Bind(1, today);
        while (q.Step())
            yield return new InvoiceBalance(q.ColumnText(0)!, q.ColumnText(1)!, TextPool.Date(q.ColumnBytes(2))!.Value,
                StoredMoney.FromStored(q.ColumnInt64(3)), StoredMoney.FromStored(q.ColumnInt64(4)));
    }

    public void Apply(PoolEvent e)
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(e);
        string? from = null, to = null;
        switch (e.Kind)
        {
            case PoolEventKind.Warned:
                var warn = Cached("""
                    INSERT INTO pool_warnings (customer_key, rep_key, warned_on, due_date) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (customer_key) DO UPDATE SET rep_key = excluded.rep_key, warned_on = excluded.warned_on, due_date = excluded.due_date
                    """);
                warn.Bind(1, e.CustomerKey);
                warn.Bind(2, e.RepKey);
                warn.Bind(3, e.Day);
                warn.Bind(4, e.Due ?? throw new ArgumentException("a warning needs its due date", nameof(e)));
                warn.Execute();
                break;
            case PoolEventKind.Reclaimed or PoolEventKind.Released:
                Change(e, "UPDATE customers SET owner_rep = NULL, status = 'pool', owner_since = ?2 WHERE key = ?1 AND status = 'active' AND owner_rep = ?3",
                    "it is not active with that owner");
                from = e.RepKey;
                break;
            case PoolEventKind.Pooled:
                Change(e, "UPDATE customers SET owner_rep = NULL, status = 'pool', owner_since = ?2 WHERE key = ?1 AND status <> 'lost' AND owner_rep IS ?3",
                    "its owner is not the one named, or it is lost");
                from = e.RepKey;
                break;
            case PoolEventKind.Claimed or PoolEventKind.Assigned:
                Change(e, "UPDATE customers SET owner_rep = ?3, status = 'active', owner_since = ?2 WHERE key = ?1 AND status = 'pool' AND owner_rep IS NULL",
                    "it is not in the pool");
                to = e.RepKey;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown pool event kind");
        }
        string now = Now();
        var insert = Cached("""
            INSERT INTO pool_events (customer_key, kind, pool, rep_key, event_day, created_at, by_whom, reason, due_date)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """);
        insert.Bind(1, e.CustomerKey);
        insert.Bind(2, Kind(e.Kind));
        insert.Bind(3, e.Pool);
        insert.Bind(4, e.RepKey);
        insert.Bind(5, e.Day);
        insert.Bind(6, now);
        insert.Bind(7, e.By);
        insert.Bind(8, e.Reason);
        insert.Bind(9, e.Due);
        insert.Execute();
        if (!e.MovesOwner) return;
        var clear = Cached("DELETE FROM pool_warnings WHERE customer_key = ?1");
        clear.Bind(1, e.CustomerKey);
        clear.Execute();
        var history = Cached("INSERT INTO assignment_history (customer_key, from_rep, to_rep, changed_at, by_whom, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        history.Bind(1, e.CustomerKey);
        history.Bind(2, from);
        history.Bind(3, to);
        history.Bind(4, now);
        history.Bind(5, e.By);
        history.Bind(6, $"pool {Kind(e.Kind)} ({e.Pool}): {e.Reason}");
        history.Execute();
    }

    private void Change(PoolEvent e, string sql, string why)
    {
        var u = Cached(sql);
        u.Bind(1, e.CustomerKey);
        u.Bind(2, e.Day);
        u.Bind(3, e.RepKey);
        if (u.Execute() != 1)
            throw new InvalidOperationException($"cannot apply {Kind(e.Kind)} to customer {e.CustomerKey}: {why}");
    }

    public void AddInteraction(Interaction interaction)
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(interaction);
        if (Scalar("SELECT COUNT(*) FROM interactions WHERE key = ?1", interaction.Key) > 0)
            throw new StoreException($"an interaction with key '{interaction.Key}' exists already");
        var insert = Cached("INSERT INTO interactions (key, customer_key, rep_key, interaction_date, kind, outcome, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.Bind(1, interaction.Key);
        insert.Bind(2, interaction.CustomerKey);
        insert.Bind(3, interaction.RepKey);
        insert.Bind(4, interaction.Date);
        insert.Bind(5, interaction.Kind.ToString().ToLowerInvariant());
        insert.Bind(6, interaction.Outcome);
        insert.Bind(7, interaction.Note);
        insert.Execute();
        ActivitySummary.Touch(Prepare, interaction.CustomerKey, interaction.Date);
    }

    public JobRun? GetJobRun(string job, DateOnly day)
    {
        EnsureOpen();
        using var q = Prepare("SELECT job, run_day, runs, first_at, last_at, by_whom, summary, digest_sent_at FROM job_runs WHERE job = ?1 AND run_day = ?2");
        q.Bind(1, job);
        q.Bind(2, day);
        return q.Step() ? ReadJobRun(q) : null;
    }

    internal static JobRun ReadJobRun(RawStatement q) => new(q.ColumnText(0)!, TextPool.Date(q.ColumnBytes(1))!.Value, (int)q.ColumnInt64(2),
        Instant(q.ColumnText(3)!), Instant(q.ColumnText(4)!), q.ColumnText(5)!, q.ColumnText(6)!, q.ColumnIsNull(7) ? null : Instant(q.ColumnText(7)!));

    public void RecordJobRun(string job, DateOnly day, string by, string summary)
    {
        EnsureWrite();
        using var u = Prepare("""
            INSERT INTO job_runs (job, run_day, runs, first_at, last_at, by_whom, summary) VALUES (?1, ?2, 1, ?3, ?3, ?4, ?5)
            ON CONFLICT (job, run_day) DO UPDATE SET runs = job_runs.runs + 1, last_at = excluded.last_at, by_whom = excluded.by_whom, summary = excluded.summary
            """);
        u.Bind(1, job);
        u.Bind(2, day);
        u.Bind(3, Now());
        u.Bind(4, by);
        u.Bind(5, summary);
        u.Execute();
    }

    public void MarkDigestSent(string job, DateOnly day)
    {
        EnsureWrite();
        using var u = Prepare("UPDATE job_runs SET digest_sent_at = ?3 WHERE job = ?1 AND run_day = ?2");
        u.Bind(1, job);
        u.Bind(2, day);
        u.Bind(3, Now());
        u.Execute();
    }

    public void Commit()
    {
        EnsureOpen();
        DisposeStatements();
        Exec("COMMIT");
        _open = false;
    }

    public void Dispose()
    {
        DisposeStatements();
        if (!_open) return;
        _open = false;
        raw.sqlite3_exec(_db, "ROLLBACK");
    }

    private long Scalar(string sql, string arg)
    {
        EnsureOpen();
        var q = Cached(sql);
        q.Bind(1, arg);
        try
        {
            q.Step();
            return q.ColumnInt64(0);
        }
        finally { q.Reset(); }
    }

    /// <summary>A statement the caller disposes.</summary>
    private RawStatement Prepare(string sql) => new(_db, sql);

    /// <summary>A statement kept for the session (prepared once, reset by each use).</summary>
    private RawStatement Cached(string sql)
    {
        if (!_statements.TryGetValue(sql, out var s)) _statements[sql] = s = new RawStatement(_db, sql);
        return s;
    }

    private void DisposeStatements()
    {
        foreach (var s in _statements.Values) s.Dispose();
        _statements.Clear();
    }

    private void Exec(string sql)
    {
        int rc = raw.sqlite3_exec(_db, sql);
        if (rc != raw.SQLITE_OK) throw StoreErrors.From(rc, raw.sqlite3_errmsg(_db).utf8_to_string(), sql);
    }

    private void EnsureOpen()
    {
        if (!_open) throw new InvalidOperationException("the maintenance session is finished");
    }

    private void EnsureWrite()
    {
        EnsureOpen();
        if (!_write) throw new InvalidOperationException("this maintenance session is read-only");
    }

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    internal static string Kind(PoolEventKind kind) => kind.ToString().ToLowerInvariant();

    private static string Status(CustomerStatus status) => status.ToString().ToLowerInvariant();

    private static CustomerStatus ParseStatus(string text) => text switch
    {
        "active" => CustomerStatus.Active,
        "pool" => CustomerStatus.Pool,
        "lost" => CustomerStatus.Lost,
        _ => Enum.Parse<CustomerStatus>(text, ignoreCase: true),
    };
}
