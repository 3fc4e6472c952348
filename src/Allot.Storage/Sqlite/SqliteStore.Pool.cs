using System.Globalization;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Microsoft.Data.Sqlite;

namespace Allot.Storage.Sqlite;

/// <summary>The pool, plan and daily-job members of the SQLite store (issue 8).</summary>
public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public IMaintenanceSession BeginMaintenance(bool write = true)
    {
        try
        {
            return new SqliteMaintenanceSession(_connection, _clock, write);
        }
        catch (SqliteException e)
        {
            throw StoreErrors.From(e.SqliteErrorCode, e.Message, null);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PoolEvent> GetPoolEvents(string? customerKey = null, int limit = 100)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT customer_key, kind, pool, rep_key, event_day, by_whom, reason, due_date, created_at FROM pool_events"
            + (customerKey is null ? "" : " WHERE customer_key = $c") + " ORDER BY id DESC LIMIT $l";
        if (customerKey is not null) cmd.Parameters.AddWithValue("$c", customerKey);
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<PoolEvent>();
        while (r.Read())
        {
            list.Add(new PoolEvent(r.GetString(0), Enum.Parse<PoolEventKind>(r.GetString(1), ignoreCase: true), r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), StoredRows.Date(r, 4), r.GetString(5), r.GetString(6), DateOrNull(r, 7),
                DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<JobRun> GetJobRuns(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT job, run_day, runs, first_at, last_at, by_whom, summary, digest_sent_at FROM job_runs ORDER BY run_day DESC, job LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<JobRun>();
        while (r.Read())
        {
            DateTimeOffset At(int i) => DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);
            list.Add(new JobRun(r.GetString(0), StoredRows.Date(r, 1), r.GetInt32(2), At(3), At(4), r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : At(7)));
        }
        return list;
    }
}
