namespace Allot.Core.Pool;

/// <summary>Who looks at a customer: decides whether contact details are shown.</summary>
/// <param name="Role">Rep, manager or administrator.</param>
/// <param name="Name">The rep's key, or the manager's user name.</param>
public sealed record Viewer(ViewerRole Role, string Name)
{
    /// <summary>Sees everything (the command line's default: whoever runs it holds the store file).</summary>
    public static Viewer Administrator { get; } = new(ViewerRole.Administrator, "admin");

    /// <summary>A rep.</summary>
    public static Viewer Rep(string repKey) => new(ViewerRole.Rep, repKey);

    /// <summary>A manager.</summary>
    public static Viewer Manager(string user) => new(ViewerRole.Manager, user);
}
