using Allot.Core.FollowUps;

namespace Allot.Storage.Maintenance;

/// <summary>A 64-bit FNV-1a hash of a task's stored fields, to tell an unchanged customer's tasks from changed ones
/// without reading them back whole.</summary>
internal static class TaskFingerprint
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static long Of(FollowUpTask t)
    {
        ulong h = Offset;
        Add(ref h, t.CustomerKey);
        Add(ref h, t.CustomerName);
        Add(ref h, t.RepKey);
        Add(ref h, FollowUpKinds.Name(t.Kind));
        Add(ref h, t.Due.DayNumber);
        Add(ref h, t.Reason);
        Add(ref h, t.EventDate?.DayNumber ?? -1);
        Add(ref h, t.MessageZh);
        Add(ref h, t.MessageEn);
        return unchecked((long)h);
    }

    /// <summary>Folds one row's fingerprint into its customer's (rows in stored order).</summary>
    public static long Combine(long group, long row) => unchecked((long)(((ulong)group ^ (ulong)row) * Prime));

    private static void Add(ref ulong h, string? s)
    {
        if (s is null)
        {
            h = unchecked((h ^ 0xFFFF) * Prime);
        }
        else
        {
            foreach (char c in s) h = unchecked((h ^ c) * Prime);
        }
        h = unchecked((h ^ 1) * Prime);
    }

    private static void Add(ref ulong h, int value) => h = unchecked((h ^ (uint)value) * Prime);
}
