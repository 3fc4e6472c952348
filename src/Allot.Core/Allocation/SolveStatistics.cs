namespace Allot.Core.Allocation;

/// <summary>How much work a solve took; the same for the same problem (it does not depend on thread timing).</summary>
/// <param name="Components">Independent components solved (customers whose candidate reps never meet).</param>
/// <param name="Augmentations">Customers added, one shortest path each.</param>
/// <param name="Searches">Additions that needed a shortest-path search (the others went straight to their cheapest
/// option at zero reduced cost).</param>
/// <param name="Relocations">Moves of already placed customers along those paths.</param>
/// <param name="SettledNodes">Nodes settled by all searches together.</param>
public sealed record SolveStatistics(int Components, long Augmentations, long Searches, long Relocations, long SettledNodes)
{
    /// <summary>No work.</summary>
    public static SolveStatistics None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The sum of two solves' work.</summary>
    public static SolveStatistics operator +(SolveStatistics x, SolveStatistics y) =>
        new(x.Components + y.Components, x.Augmentations + y.Augmentations, x.Searches + y.Searches,
            x.Relocations + y.Relocations, x.SettledNodes + y.SettledNodes);
}
