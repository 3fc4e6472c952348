namespace Allot.Core.FollowUps;

/// <summary>Each rep's weekly workload from a plan.</summary>
/// <remarks>Weeks start on Monday (ISO 8601). Overdue means a follow-up (not a care task) due before today; care
/// tasks whose date has passed are not in a plan. Tasks beyond the last week are not counted.</remarks>
public static class Workload
{
    /// <summary>Per rep, in key order: overdue follow-ups and the tasks of each of <paramref name="weeks"/> weeks.</summary>
    public static IReadOnlyList<RepWorkload> Of(IEnumerable<FollowUpTask> tasks, DateOnly today, int weeks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var monday = WeekStart(today);
        var byRep = new SortedDictionary<string, (int Overdue, int[] FollowUps, int[] Care)>(StringComparer.Ordinal);
        foreach (var t in tasks)
        {
            if (!byRep.TryGetValue(t.RepKey, out var load)) byRep[t.RepKey] = load = (0, new int[weeks], new int[weeks]);
            bool care = FollowUpKinds.IsCare(t.Kind);
            if (t.Due < today)
            {
                if (!care) byRep[t.RepKey] = load with { Overdue = load.Overdue + 1 };
                continue;
            }
            int week = (t.Due.DayNumber - monday.DayNumber) / 7;
            if (week >= weeks) continue;
            (care ? load.Care : load.FollowUps)[week]++;
        }
        return [.. byRep.Select(p => new RepWorkload(p.Key, p.Value.Overdue,
            [.. Enumerable.Range(0, weeks).Select(w => new WeekLoad(monday.AddDays(7 * w), p.Value.FollowUps[w], p.Value.Care[w]))]))];
    }

    /// <summary>The Monday of the week <paramref name="day"/> is in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
