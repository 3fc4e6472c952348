namespace Allot.Core.Allocation;

/// <summary>How much work a solve took; the same for the same problem (it does not depend on thread timing).</summary>
/// <param name="Components">Independent components solved (customers whose candidate reps never meet).</param>
/// <param name="Augmentations">Augmenting paths, over all components and their samples.</param>
/// <param name="Searches">Shortest-path searches (one per augmenting path).</param>
/// <param name="Relocations">Moves of customers along those paths.</param>
/// <param name="SettledNodes">Nodes settled by all searches together.</param>
/// <param name="StartingExcess">Units out of balance after placing every customer at its cheapest option under the
/// starting prices (0 would mean the prices were already optimal): how much the searches had to repair.</param>
public sealed record SolveStatistics(int Components, long Augmentations, long Searches, long Relocations, long SettledNodes, long StartingExcess)
{
    /// <summary>No work.</summary>
    public static SolveStatistics None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two solves' work.</summary>
    public static SolveStatistics operator +(SolveStatistics x, SolveStatistics y) =>
        new(x.Components + y.Components, x.Augmentations + y.Augmentations, x.Searches + y.Searches,
            x.Relocations + y.Relocations, x.SettledNodes + y.SettledNodes, x.StartingExcess + y.StartingExcess);
}
