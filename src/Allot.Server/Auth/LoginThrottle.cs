using System.Collections.Concurrent;

namespace Allot.Server.Auth;

/// <summary>Failed logins per (name, client address): after <c>max</c> failures within the window, further attempts
/// are refused until the oldest failure leaves the window. A success clears the name's record for that address.</summary>
public sealed class LoginThrottle(int max, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again; null when it may try now.</summary>
    public TimeSpan? Wait(string name, string? address)
    {
        var now = clock.GetUtcNow();
        if (!_failures.TryGetValue(Key(name, address), out var q)) return null;
        lock (q)
        {
            while (q.Count > 0 && q.Peek() <= now - window) q.Dequeue();
            return q.Count >= max ? q.Peek() + window - now : null;
        }
    }

    /// <summary>Records a failed attempt.</summary>
    public void Failed(string name, string? address)
    {
        if (_failures.Count > 100_000) Prune();
        var q = _failures.GetOrAdd(Key(name, address), _ => new Queue<DateTimeOffset>());
        lock (q) q.Enqueue(clock.GetUtcNow());
    }

    /// <summary>Forgets the failures after a successful login.</summary>
    public void Succeeded(string name, string? address) => _failures.TryRemove(Key(name, address), out _);

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - window;
        foreach (var (key, q) in _failures)
            lock (q)
                if (q.Count == 0 || q.Last() <= cutoff) _failures.TryRemove(key, out _);
    }

    private static string Key(string name, string? address) => name.Trim().ToLowerInvariant() + "|" + (address ?? "");
}
