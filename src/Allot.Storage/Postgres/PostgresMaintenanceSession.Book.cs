using System.Text;
using Allot.Core.Customers;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Storage.Maintenance;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>Reading the book (one join through a cursor) and the plan (read whole; replaced as a per-customer
/// difference, written by binary COPY).</summary>
internal sealed partial class PostgresMaintenanceSession
{
    /// <summary>Customers whose tasks are cleared by one DELETE.</summary>
    private const int ClearBatch = 10_000;

    // Low-cardinality text (regions, statuses, reps, classes) as one string each: a million customers' rows share a few
    // hundred. Only the thread reading the book touches it.
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public IEnumerable<BookCustomer> ReadBook(CustomerStatus? status = null)
    {
        EnsureOpen();
        return status is { } s
            ? Fetch(MaintenanceSql.Book + " WHERE c.status = ?2 ORDER BY c.key", [_runId, MaintenanceSql.Status(s)], ReadBookRow)
            : Fetch(MaintenanceSql.Book + " ORDER BY c.key", [_runId], ReadBookRow);
    }

    public BookCustomer? GetBookCustomer(string key) => Guard(() =>
    {
        EnsureOpen();
        using var r = Cached(MaintenanceSql.BookCustomer, _runId, key).ExecuteReader();
        return r.Read() ? ReadBookRow(r) : null;
    });

    /// <summary>A row of <see cref="MaintenanceSql.Book"/>, as SQLite's session reads it (empty text as none).</summary>
    private BookCustomer ReadBookRow(NpgsqlDataReader r)
    {
        var warnedRep = Pooled(r, 16);
        string tags = r.GetString(9);
        return new BookCustomer
        {
            Key = r.GetString(0),
            Name = r.GetString(1),
            Region = Pooled(r, 2),
            Status = MaintenanceSql.ParseStatus(Pooled(r, 3)!),
            OwnerRepKey = Pooled(r, 4),
            OwnerSince = StoredRows.DateOrNull(r, 5),
            CreatedDate = StoredRows.DateOrNull(r, 6),
            Birthday = StoredRows.DateOrNull(r, 7),
            KeyAccount = r.GetInt64(8) != 0,
            Tags = tags.Length == 0 ? [] : ListColumn.Split(tags),
            FirstOrder = StoredRows.DateOrNull(r, 10),
            LastOrder = StoredRows.DateOrNull(r, 11),
            LastInteraction = StoredRows.DateOrNull(r, 12),
            Tier = Pooled(r, 13),
            Segment = Pooled(r, 14),
            Stage = Pooled(r, 15),
            Warning = warnedRep is null ? null : new PoolWarning(warnedRep, StoredRows.Date(r, 17), StoredRows.Date(r, 18)),
        };
    }

    /// <summary>A low-cardinality text column as a shared string; null for NULL or empty.</summary>
    private string? Pooled(NpgsqlDataReader r, int i)
    {
        if (r.IsDBNull(i)) return null;
        string text = r.GetString(i);
        if (text.Length == 0) return null;
        if (_texts.TryGetValue(text, out var known)) return known;
        if (_texts.Count < 100_000) _texts[text] = text;
        return text;
    }

    public IEnumerable<FollowUpTask> ReadTasks(string? repKey = null) => Guard(() =>
    {
        EnsureOpen();
        using var q = repKey is null ? Command(MaintenanceSql.ReadTasks(oneRep: false)) : Command(MaintenanceSql.ReadTasks(oneRep: true), repKey);
        using var r = q.ExecuteReader();
        var list = new List<FollowUpTask>();
        while (r.Read())
        {
            list.Add(new FollowUpTask(r.GetString(0), r.GetString(1), Pooled(r, 2)!, FollowUpKinds.Parse(Pooled(r, 3)!), StoredRows.Date(r, 4),
                r.GetString(5), StoredRows.DateOrNull(r, 6), StoredRows.Text(r, 7), StoredRows.Text(r, 8)));
        }
        list.Sort(DailyJob.TaskOrder);
        return (IEnumerable<FollowUpTask>)list;
    });

    public void ReplaceTasks(IEnumerable<FollowUpTask> tasks, DateOnly plannedOn)
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(tasks);
        var difference = new PlanDifference();
        Guard(() =>
        {
            using var q = Command(MaintenanceSql.StoredPrints);
            using var r = q.ExecuteReader();
            Span<byte> key = stackalloc byte[256];
            while (r.Read())
            {
                string text = r.GetString(0);
                long print = r.GetInt64(1);
                if (Encoding.UTF8.GetMaxByteCount(text.Length) <= key.Length) difference.AddStored(key[..Encoding.UTF8.GetBytes(text, key)], print);
                else difference.AddStored(Encoding.UTF8.GetBytes(text), print);
            }
        });
        // The difference is worked out before anything is written, so all clears can go first, then all new rows.
        var cleared = new List<string>();
        var inserted = new List<(FollowUpTask Task, long Print)>();
        difference.Apply(tasks, key => cleared.Add(Encoding.UTF8.GetString(key)), (task, print) => inserted.Add((task, print)));
        Guard(() =>
        {
            for (int i = 0; i < cleared.Count; i += ClearBatch)
            {
                using var clear = Command("DELETE FROM followup_tasks WHERE customer_key = ANY(?1)", [cleared.GetRange(i, Math.Min(ClearBatch, cleared.Count - i)).ToArray()]);
                clear.ExecuteNonQuery();
            }
            if (inserted.Count == 0) return;
            Flush();
            using var copy = new BinaryCopy(_c, $"followup_tasks ({MaintenanceSql.TaskInsertColumns})");
            foreach (var (task, print) in inserted)
            {
                copy.StartRow(11);
                copy.Text(task.RepKey);
                copy.Date(task.Due);
                copy.Text(task.CustomerKey);
                copy.Text(task.CustomerName);
                copy.Text(FollowUpKinds.Name(task.Kind));
                copy.Text(task.Reason);
                copy.Date(task.EventDate);
                copy.Text(task.MessageZh);
                copy.Text(task.MessageEn);
                copy.Date(plannedOn);
                copy.Int64(print);
            }
            copy.Complete();
        });
    }

    public void ReplaceTasks(string customerKey, IEnumerable<FollowUpTask> tasks, DateOnly plannedOn) => Guard(() =>
    {
        EnsureWrite();
        Cached(MaintenanceSql.ClearTasks, customerKey).ExecuteNonQuery();
        foreach (var t in tasks.Where(t => t.CustomerKey == customerKey))
        {
            Cached(MaintenanceSql.InsertTask, t.RepKey, t.Due, t.CustomerKey, t.CustomerName, FollowUpKinds.Name(t.Kind), t.Reason, t.EventDate,
                t.MessageZh, t.MessageEn, plannedOn, TaskFingerprint.Of(t)).ExecuteNonQuery();
        }
    });
}
