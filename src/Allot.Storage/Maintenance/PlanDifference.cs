using System.Text;
using Allot.Core.FollowUps;

namespace Allot.Storage.Maintenance;

/// <summary>Replacing the whole plan as a per-customer difference, the same on every store: a customer whose tasks
/// did not change keeps its rows, one whose tasks changed has them cleared and written again, one no longer planned
/// has them cleared. The store says how to clear and how to write.</summary>
/// <remarks>Customers are compared by the fingerprint of their tasks in stored order (<see cref="TaskFingerprint"/>),
/// in the UTF-8 byte order of their keys, which is the order both stores sort text in (SQLite by bytes, PostgreSQL
/// with <c>COLLATE "C"</c>).</remarks>
internal sealed class PlanDifference
{
    private readonly List<(byte[] Key, long Print)> _stored = [];

    /// <summary>Folds one stored row into its customer's fingerprint; rows come by customer key, then in stored order
    /// (<see cref="MaintenanceSql.StoredPrints"/>).</summary>
    public void AddStored(ReadOnlySpan<byte> customerKey, long rowPrint)
    {
        if (_stored.Count == 0 || !customerKey.SequenceEqual(_stored[^1].Key)) _stored.Add((customerKey.ToArray(), 0));
        _stored[^1] = (_stored[^1].Key, TaskFingerprint.Combine(_stored[^1].Print, rowPrint));
    }

    /// <summary>Works out the difference to <paramref name="tasks"/>, customer by customer in key order: calls
    /// <paramref name="clear"/> for a customer whose stored tasks go or change, and <paramref name="insert"/> (after its
    /// clear) for each task, with its fingerprint, of a customer whose tasks are new or changed.</summary>
    public void Apply(IEnumerable<FollowUpTask> tasks, Action<byte[]> clear, Action<FollowUpTask, long> insert)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        // What is planned: per customer (its tasks together), in (UTF-8 byte) key order; the job plans in that order
        // already, so the sort is only a safeguard.
        var planned = new List<(byte[] Key, List<FollowUpTask> Tasks)>();
        foreach (var t in tasks)
        {
            if (planned.Count > 0 && planned[^1].Tasks[0].CustomerKey == t.CustomerKey) planned[^1].Tasks.Add(t);
            else planned.Add((Encoding.UTF8.GetBytes(t.CustomerKey), [t]));
        }
        bool ordered = true;
        for (int i = 1; i < planned.Count && ordered; i++) ordered = planned[i - 1].Key.AsSpan().SequenceCompareTo(planned[i].Key) < 0;
        if (!ordered)
        {
            planned = [.. planned.GroupBy(p => p.Tasks[0].CustomerKey, StringComparer.Ordinal)
                .Select(g => (g.First().Key, g.SelectMany(p => p.Tasks).ToList()))
                .OrderBy(p => p.Key, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))];
        }

        var stored = _stored;
        int next = 0;
        foreach (var (key, group) in planned)
        {
            var prints = new long[group.Count];
            long print = 0;
            for (int i = 0; i < group.Count; i++) print = TaskFingerprint.Combine(print, prints[i] = TaskFingerprint.Of(group[i]));
            while (next < stored.Count && stored[next].Key.AsSpan().SequenceCompareTo(key) < 0) clear(stored[next++].Key);
            bool had = next < stored.Count && stored[next].Key.AsSpan().SequenceEqual(key);
            bool same = had && stored[next].Print == print;
            if (had) next++;
            if (same) continue;
            if (had) clear(key);
            for (int i = 0; i < group.Count; i++) insert(group[i], prints[i]);
        }
        while (next < stored.Count) clear(stored[next++].Key);
    }
}
