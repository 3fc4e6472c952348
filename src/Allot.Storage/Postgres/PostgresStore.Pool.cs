using Allot.Core.Maintenance;
using Allot.Core.Pool;

namespace Allot.Storage.Postgres;

/// <summary>The pool (公海), follow-up plan and daily jobs (migration 5): their history reads the same as on SQLite;
/// the workflows themselves run on SQLite only for now.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    /// <exception cref="StoreException">Always, for now: the maintenance session (claims under a write lock, the plan
    /// difference, activity watermarks) exists for SQLite only.</exception>
    public IMaintenanceSession BeginMaintenance(bool write = true) =>
        throw new StoreException("the pool, follow-up plan, alerts and daily jobs run on a SQLite store for now; "
            + "on PostgreSQL they are not available yet (use a SQLite store with --db FILE for these commands)");

    /// <inheritdoc />
    public IReadOnlyList<PoolEvent> GetPoolEvents(string? customerKey = null, int limit = 100) => Run(c =>
    {
        const string Columns = "customer_key, kind, pool, rep_key, event_day, by_whom, reason, due_date, created_at";
        using var cmd = customerKey is null
            ? Command(c, $"SELECT {Columns} FROM pool_events ORDER BY id DESC LIMIT @l", ("l", (long)limit))
            : Command(c, $"SELECT {Columns} FROM pool_events WHERE customer_key = @c ORDER BY id DESC LIMIT @l", ("c", customerKey), ("l", (long)limit));
        return ReadAll(cmd, r => new PoolEvent(r.GetString(0), Enum.Parse<PoolEventKind>(r.GetString(1), ignoreCase: true), r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), StoredRows.Date(r, 4), r.GetString(5), r.GetString(6), StoredRows.DateOrNull(r, 7),
            StoredRows.Instant(r, 8)));
    });

    /// <inheritdoc />
    public IReadOnlyList<JobRun> GetJobRuns(int limit = 50) => Run(c =>
    {
        using var cmd = Command(c, "SELECT job, run_day, runs, first_at, last_at, by_whom, summary, digest_sent_at FROM job_runs ORDER BY run_day DESC, job LIMIT @l",
            ("l", (long)limit));
        return ReadAll(cmd, r => new JobRun(r.GetString(0), StoredRows.Date(r, 1), (int)r.GetInt64(2), StoredRows.Instant(r, 3), StoredRows.Instant(r, 4),
            r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : StoredRows.Instant(r, 7)));
    });
}
