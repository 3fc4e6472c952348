using System.Globalization;
using Allot.Core.Alerts;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;
using Allot.Storage.Maintenance;
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
            using var run = Prepare(MaintenanceSql.LatestRun);
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
        var q = Cached(MaintenanceSql.Rep);
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

    public int CountOwned(string repKey) => (int)Scalar(MaintenanceSql.CountOwned, repKey);

    public int CountEvents(string repKey, PoolEventKind kind, DateOnly from, DateOnly to)
    {
        EnsureOpen();
        var q = Cached(MaintenanceSql.CountEvents);
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
        var q = Cached(MaintenanceSql.LastLost);
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
        using var q = Prepare(MaintenanceSql.OpenInvoices);
        q.Bind(1, today);
        while (q.Step())
            yield return new InvoiceBalance(q.ColumnText(0)!, q.ColumnText(1)!, TextPool.Date(q.ColumnBytes(2))!.Value,
                StoredMoney.FromStored(q.ColumnInt64(3)), StoredMoney.FromStored(q.ColumnInt64(4)));
    }

    public void Apply(PoolEvent e)
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(e);
        if (MaintenanceSql.Transition(e.Kind) is ({ } sql, { } why))
        {
            var u = Cached(sql);
            u.Bind(1, e.CustomerKey);
            u.Bind(2, e.Day);
            u.Bind(3, e.RepKey);
            if (u.Execute() != 1) throw new InvalidOperationException(MaintenanceSql.Refused(e, why));
        }
        else
        {
            var warn = Cached(MaintenanceSql.Warn);
            warn.Bind(1, e.CustomerKey);
            warn.Bind(2, e.RepKey);
            warn.Bind(3, e.Day);
            warn.Bind(4, e.Due ?? throw new ArgumentException("a warning needs its due date", nameof(e)));
            warn.Execute();
        }
        string now = Now();
        var insert = Cached(MaintenanceSql.InsertEvent);
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
        var clear = Cached(MaintenanceSql.ClearWarning);
        clear.Bind(1, e.CustomerKey);
        clear.Execute();
        var (from, to) = MaintenanceSql.Owners(e);
        var history = Cached(MaintenanceSql.InsertHistory);
        history.Bind(1, e.CustomerKey);
        history.Bind(2, from);
        history.Bind(3, to);
        history.Bind(4, now);
        history.Bind(5, e.By);
        history.Bind(6, MaintenanceSql.HistoryReason(e));
        history.Execute();
    }

    public void AddInteraction(Interaction interaction)
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(interaction);
        if (Scalar(MaintenanceSql.InteractionExists, interaction.Key) > 0)
            throw new StoreException($"an interaction with key '{interaction.Key}' exists already");
        var insert = Cached(MaintenanceSql.InsertInteraction);
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
        using var q = Prepare(MaintenanceSql.GetJobRun);
        q.Bind(1, job);
        q.Bind(2, day);
        return q.Step() ? ReadJobRun(q) : null;
    }

    internal static JobRun ReadJobRun(RawStatement q) => new(q.ColumnText(0)!, TextPool.Date(q.ColumnBytes(1))!.Value, (int)q.ColumnInt64(2),
        Instant(q.ColumnText(3)!), Instant(q.ColumnText(4)!), q.ColumnText(5)!, q.ColumnText(6)!, q.ColumnIsNull(7) ? null : Instant(q.ColumnText(7)!));

    public void RecordJobRun(string job, DateOnly day, string by, string summary)
    {
        EnsureWrite();
        using var u = Prepare(MaintenanceSql.RecordJobRun);
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
        using var u = Prepare(MaintenanceSql.MarkDigestSent);
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

    private static string Kind(PoolEventKind kind) => MaintenanceSql.Kind(kind);

    private static string Status(CustomerStatus status) => MaintenanceSql.Status(status);

    private static CustomerStatus ParseStatus(string text) => MaintenanceSql.ParseStatus(text);
}
