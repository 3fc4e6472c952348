namespace Allot.Core.Access;

/// <summary>Which customers a user may see and change: every customer, or those owned by a set of reps.</summary>
/// <remarks>Deny by default: a rep without a rep record, or a manager whose team has no reps, sees nobody. Customers
/// without an owner (in the pool or not yet assigned) are seen by admins only.</remarks>
public sealed class CustomerScope
{
    private readonly HashSet<string>? _owners;

    private CustomerScope(HashSet<string>? owners) => _owners = owners;

    /// <summary>Every customer.</summary>
    public static CustomerScope Everyone { get; } = new(null);

    /// <summary>True for an admin's scope.</summary>
    public bool IsEveryone => _owners is null;

    /// <summary>The reps whose customers are in scope, sorted; null for everyone.</summary>
    public IReadOnlyList<string>? Owners => _owners?.Order(StringComparer.Ordinal).ToList();

    /// <summary>The scope of a user, given the reps on record.</summary>
    public static CustomerScope Of(User user, IEnumerable<Reps.Rep> reps)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reps);
        if (user.Disabled) return new CustomerScope([]);
        return user.Role switch
        {
            Role.Admin => Everyone,
            Role.Manager => new CustomerScope(reps.Where(r => user.Team is { Length: > 0 } t && string.Equals(r.Team, t, StringComparison.Ordinal))
                .Select(r => r.Key).ToHashSet(StringComparer.Ordinal)),
            _ => new CustomerScope(user.RepKey is { Length: > 0 } k ? [k] : []),
        };
    }

    /// <summary>True when a customer with this owner is in scope.</summary>
    public bool Covers(string? ownerRepKey) => _owners is null || (ownerRepKey is not null && _owners.Contains(ownerRepKey));

    /// <summary>True when the rep is one of the scope's reps (or the scope is everyone).</summary>
    public bool CoversRep(string repKey) => _owners is null || _owners.Contains(repKey);
}
