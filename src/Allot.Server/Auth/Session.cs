using Allot.Core.Access;
using Allot.Storage;

namespace Allot.Server.Auth;

/// <summary>The signed-in user of a request, loaded fresh from the store (so a changed role or a disabled user
/// takes effect at once), and the customers it may see.</summary>
public sealed class Session(User user, bool viaToken, IStore store)
{
    private CustomerScope? _scope;

    /// <summary>Who.</summary>
    public User User { get; } = user;

    /// <summary>True when the request came with an API token rather than a session cookie.</summary>
    public bool ViaToken { get; } = viaToken;

    /// <summary>The customers this user may see and change (deny by default).</summary>
    public CustomerScope Scope => _scope ??= User.Role == Role.Admin ? CustomerScope.Everyone
        : User.Role == Role.Rep ? CustomerScope.Of(User, [])
        : CustomerScope.Of(User, store.GetReps());

    /// <summary>True for managers and admins.</summary>
    public bool IsManager => User.Role is Role.Manager or Role.Admin;
}
