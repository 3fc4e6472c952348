using Allot.Core.FollowUps;
using Allot.Core.Maintenance;

namespace Allot.Storage.Sqlite;

/// <summary>The stored plan: reading it, and replacing it as a per-customer difference.</summary>
internal sealed partial class SqliteMaintenanceSession
{
    public IEnumerable<FollowUpTask> ReadTasks(string? repKey = null)
    {
        EnsureOpen();
        using var q = Prepare("SELECT customer_key, customer_name, rep_key, kind, due_date, reason, event_date, message_zh, message_en FROM followup_tasks"
            + (repKey is null ? "" : " WHERE rep_key = ?1") + " ORDER BY rep_key, due_date, customer_key");
        if (repKey is not null) q.Bind(1, repKey);
        var list = new List<FollowUpTask>();
        while (q.Step())
        {
            list.Add(new FollowUpTask(q.ColumnText(0)!, q.ColumnText(1)!, _pool.Get(q.ColumnBytes(2)), FollowUpKinds.Parse(_pool.Get(q.ColumnBytes(3))),
                TextPool.Date(q.ColumnBytes(4))!.Value, q.ColumnText(5)!, TextPool.Date(q.ColumnBytes(6)), q.ColumnText(7), q.ColumnText(8)));
        }
        list.Sort(DailyJob.TaskOrder);
        return list;
    }

    public void ReplaceTasks(IEnumerable<FollowUpTask> tasks, DateOnly plannedOn)
    {
        EnsureWrite();
        ArgumentNullException.ThrowIfNull(tasks);
        // What is stored: per customer, in key order, the fingerprint of its tasks in stored order.
        var stored = new List<(byte[] Key, long Print)>();
        using (var q = Prepare("SELECT customer_key, fingerprint FROM followup_tasks ORDER BY customer_key, id"))
        {
            while (q.Step())
            {
                var key = q.ColumnBytes(0);
                if (stored.Count == 0 || !key.SequenceEqual(stored[^1].Key)) stored.Add((key.ToArray(), 0));
                stored[^1] = (stored[^1].Key, TaskFingerprint.Combine(stored[^1].Print, q.ColumnInt64(1)));
            }
        }
        // What is planned: per customer (its tasks together), in the same (UTF-8 byte) key order; the job plans in that
        // order already, so the sort is only a safeguard.
        var planned = new List<(byte[] Key, List<FollowUpTask> Tasks)>();
        foreach (var t in tasks)
        {
            if (planned.Count > 0 && planned[^1].Tasks[0].CustomerKey == t.CustomerKey) planned[^1].Tasks.Add(t);
            else planned.Add((System.Text.Encoding.UTF8.GetBytes(t.CustomerKey), [t]));
        }
        bool ordered = true;
        for (int i = 1; i < planned.Count && ordered; i++) ordered = planned[i - 1].Key.AsSpan().SequenceCompareTo(planned[i].Key) < 0;
        if (!ordered)
        {
            planned = [.. planned.GroupBy(p => p.Tasks[0].CustomerKey, StringComparer.Ordinal)
                .Select(g => (g.First().Key, g.SelectMany(p => p.Tasks).ToList()))
                .OrderBy(p => p.Key, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))];
        }

        var clear = Cached("DELETE FROM followup_tasks WHERE customer_key = ?1");
        void Clear(byte[] key)
        {
            clear.Bind(1, System.Text.Encoding.UTF8.GetString(key));
            clear.Execute();
        }
        int next = 0;
        foreach (var (key, group) in planned)
        {
            var prints = new long[group.Count];
            long print = 0;
            for (int i = 0; i < group.Count; i++) print = TaskFingerprint.Combine(print, prints[i] = TaskFingerprint.Of(group[i]));
            while (next < stored.Count && stored[next].Key.AsSpan().SequenceCompareTo(key) < 0) Clear(stored[next++].Key);
            bool had = next < stored.Count && stored[next].Key.AsSpan().SequenceEqual(key);
            bool same = had && stored[next].Print == print;
            if (had) next++;
            if (same) continue;
            if (had) Clear(key);
            for (int i = 0; i < group.Count; i++) Insert(group[i], prints[i], plannedOn);
        }
        while (next < stored.Count) Clear(stored[next++].Key);
    }

    public void ReplaceTasks(string customerKey, IEnumerable<FollowUpTask> tasks, DateOnly plannedOn)
    {
        EnsureWrite();
        var clear = Cached("DELETE FROM followup_tasks WHERE customer_key = ?1");
        clear.Bind(1, customerKey);
        clear.Execute();
        foreach (var t in tasks.Where(t => t.CustomerKey == customerKey)) Insert(t, TaskFingerprint.Of(t), plannedOn);
    }

    private void Insert(FollowUpTask t, long fingerprint, DateOnly plannedOn)
    {
        var insert = Cached("""
            INSERT INTO followup_tasks (rep_key, due_date, customer_key, customer_name, kind, reason, event_date, message_zh, message_en, planned_on, fingerprint)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """);
        insert.Bind(1, t.RepKey);
        insert.Bind(2, t.Due);
        insert.Bind(3, t.CustomerKey);
        insert.Bind(4, t.CustomerName);
        insert.Bind(5, FollowUpKinds.Name(t.Kind));
        insert.Bind(6, t.Reason);
        insert.Bind(7, t.EventDate);
        insert.Bind(8, t.MessageZh);
        insert.Bind(9, t.MessageEn);
        insert.Bind(10, plannedOn);
        insert.Bind(11, fingerprint);
        insert.Execute();
    }
}
