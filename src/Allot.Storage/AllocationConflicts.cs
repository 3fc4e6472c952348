using System.Globalization;
using System.Text;

namespace Allot.Storage;

/// <summary>The owner check both stores make before applying an allocation run.</summary>
internal static class AllocationConflicts
{
    /// <summary>Throws, naming up to ten customers, when any selected customer's owner is no longer the one the run
    /// was made with (or the customer is gone); nothing has been written at that point.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="selected">The results about to be applied.</param>
    /// <param name="owners">Current owners of the customers that still exist, by key.</param>
    public static void ThrowIfAny(long runId, IEnumerable<StoredAllocation> selected, IReadOnlyDictionary<string, string?> owners)
    {
        var conflicts = new StringBuilder();
        int count = 0;
        foreach (var a in selected)
        {
            bool exists = owners.TryGetValue(a.CustomerKey, out string? owner);
            if (exists && owner == a.CurrentRep) continue;
            if (++count <= 10)
                conflicts.Append(CultureInfo.InvariantCulture, $"\n  {a.CustomerKey}: ")
                    .Append(exists ? $"owner is now {owner ?? "(none)"}, the run was made when it was {a.CurrentRep ?? "(none)"}" : "no longer in the store");
        }
        if (count > 0)
        {
            throw new StoreException($"allocation run {runId} is out of date for {count} selected customer(s); nothing was applied. "
                + $"Propose a new run (`allot allocate`).{conflicts}{(count > 10 ? $"\n  … and {count - 10} more" : "")}");
        }
    }
}
