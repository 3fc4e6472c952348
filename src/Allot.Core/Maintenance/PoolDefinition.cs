using Allot.Core.Reps;

namespace Allot.Core.Maintenance;

/// <summary>A public pool (公海): the customers of some regions, the reps it serves and its managers.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Regions">Customer regions that belong to it; empty: every region no other pool lists.</param>
/// <param name="Teams">Rep teams that may claim from it.</param>
/// <param name="Reps">Rep keys that may claim from it (besides the teams); with no teams either, every rep.</param>
/// <param name="Managers">User names that may assign from it directly and see its customers' contacts.</param>
public sealed record PoolDefinition(
    string Name,
    IReadOnlySet<string> Regions,
    IReadOnlySet<string> Teams,
    IReadOnlySet<string> Reps,
    IReadOnlySet<string> Managers)
{
    /// <summary>True when the pool takes customers of any region no other pool lists.</summary>
    public bool CatchAll => Regions.Count == 0;

    /// <summary>True when <paramref name="rep"/> may claim from this pool.</summary>
    public bool Serves(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        if (Teams.Count == 0 && Reps.Count == 0) return true;
        return Reps.Contains(rep.Key) || (rep.Team is not null && Teams.Contains(rep.Team));
    }
}
