namespace Allot.Core.Access;

/// <summary>Someone who signs in to the server or calls its API.</summary>
/// <remarks>A rep user names its rep record (<see cref="RepKey"/>); a manager names its team (<see cref="Team"/>,
/// the reps whose <c>team</c> matches). An admin needs neither.</remarks>
public sealed record User
{
    /// <summary>Login name, unique (case-insensitive).</summary>
    public required string Name { get; init; }

    /// <summary>What the user may do.</summary>
    public required Role Role { get; init; }

    /// <summary>The rep record of a rep user.</summary>
    public string? RepKey { get; init; }

    /// <summary>The team of a manager.</summary>
    public string? Team { get; init; }

    /// <summary>Disabled users cannot sign in and their tokens stop working.</summary>
    public bool Disabled { get; init; }

    /// <summary>Checks the role's links: a rep needs a rep key, a manager a team.</summary>
    /// <returns>Null when consistent, else what is missing.</returns>
    public string? Problem() => Role switch
    {
        _ when string.IsNullOrWhiteSpace(Name) => "a user needs a name",
        _ when Name.Length > 64 || Name.Any(char.IsControl) => "a user name has at most 64 characters and no control characters",
        Role.Rep when string.IsNullOrWhiteSpace(RepKey) => $"user {Name} is a rep: give its rep record (--rep KEY)",
        Role.Manager when string.IsNullOrWhiteSpace(Team) => $"user {Name} is a manager: give its team (--team T)",
        _ => null,
    };
}
