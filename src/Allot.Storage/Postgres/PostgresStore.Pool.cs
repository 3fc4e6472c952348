using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>The pool (公海), follow-up plan and daily jobs (migration 5): the workflows' book
/// (<see cref="PostgresMaintenanceSession"/>) and their history.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    /// <remarks>A writing session waits for the store's write lock (another claim, a daily job or an import in
    /// progress) before it reads anything; a read-only one never waits.</remarks>
    public IMaintenanceSession BeginMaintenance(bool write = true)
    {
        NpgsqlConnection? c = null;
        try
        {
            c = _source.OpenConnection();
            return new PostgresMaintenanceSession(c, _clock, write, _where);
        }
        catch (Exception e)
        {
            c?.Dispose();
            if (PostgresErrors.Handles(e)) throw PostgresErrors.From(e, _where);
            throw;
        }
    }

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
