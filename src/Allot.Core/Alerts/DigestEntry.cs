namespace Allot.Core.Alerts;

/// <summary>One recipient's part of the daily digest.</summary>
/// <param name="Recipient">The rep's key or the manager's user name.</param>
/// <param name="Role">"rep" or "manager".</param>
/// <param name="Pools">For a manager: the pools it manages.</param>
/// <param name="Counts">Alerts per kind (every kind listed, zeros included).</param>
/// <param name="ByRep">For a manager: alerts per rep in its pools ("-" for pool customers).</param>
/// <param name="Alerts">The most pressing alerts (oldest date first), at most the digest's limit.</param>
public sealed record DigestEntry(string Recipient, string Role, IReadOnlyList<string> Pools, IReadOnlyDictionary<AlertKind, int> Counts,
    IReadOnlyDictionary<string, int> ByRep, IReadOnlyList<Alert> Alerts)
{
    /// <summary>All alerts counted.</summary>
    public int Total => Counts.Values.Sum();
}
