using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Storage.Maintenance;

namespace Allot.Storage.Sqlite;

/// <summary>The stored plan: reading it, and replacing it as a per-customer difference.</summary>
internal sealed partial class SqliteMaintenanceSession
{
    public IEnumerable<FollowUpTask> ReadTasks(string? repKey = null)
    {
        EnsureOpen();
        using var q = Prepare(MaintenanceSql.ReadTasks(oneRep: repKey is not null));
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
        var difference = new PlanDifference();
        using (var q = Prepare(MaintenanceSql.StoredPrints))
        {
            while (q.Step()) difference.AddStored(q.ColumnBytes(0), q.ColumnInt64(1));
        }
        var clear = Cached(MaintenanceSql.ClearTasks);
        difference.Apply(tasks, key =>
        {
            clear.Bind(1, System.Text.Encoding.UTF8.GetString(key));
            clear.Execute();
        }, (task, print) => Insert(task, print, plannedOn));
    }

    public void ReplaceTasks(string customerKey, IEnumerable<FollowUpTask> tasks, DateOnly plannedOn)
    {
        EnsureWrite();
        var clear = Cached(MaintenanceSql.ClearTasks);
        clear.Bind(1, customerKey);
        clear.Execute();
        foreach (var t in tasks.Where(t => t.CustomerKey == customerKey)) Insert(t, TaskFingerprint.Of(t), plannedOn);
    }

    private void Insert(FollowUpTask t, long fingerprint, DateOnly plannedOn)
    {
        var insert = Cached(MaintenanceSql.InsertTask);
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
