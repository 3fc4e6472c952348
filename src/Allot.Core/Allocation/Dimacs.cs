using System.Globalization;

namespace Allot.Core.Allocation;

/// <summary>Writes networks in the DIMACS minimum-cost flow format, so that other solvers (LEMON, networkx, CS2…)
/// can check or race ours on the very same network.</summary>
/// <remarks>
/// Format (DIMACS implementation challenge 1990–91): comment lines <c>c …</c>; the problem line
/// <c>p min NODES ARCS</c>; a line <c>n ID SUPPLY</c> for each node with a non-zero supply (positive: source);
/// a line <c>a FROM TO LOW CAP COST</c> per arc. Nodes are numbered from 1. For an assignment problem the minimum cost
/// of the written network equals the optimal objective exactly: no constant offset (see <see cref="AssignmentNetwork"/>).
/// </remarks>
public static class Dimacs
{
    /// <summary>Writes the min-cost flow network of an assignment problem.</summary>
    public static void Write(AssignmentProblem problem, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(writer);
        int n = problem.CustomerCount, reps = problem.RepCount, tiers = problem.TierCount;
        int slots = reps * tiers;
        writer.Write(FormattableString.Invariant(
            $"c Allot assignment problem: {n} customers, {reps} reps, {tiers} tiers, {problem.CandidateCount} candidate arcs\n"));
        writer.Write(FormattableString.Invariant(
            $"c nodes 1..{n} customers, {n + 1}..{n + slots} slots (rep, tier), {n + slots + 1}..{n + slots + reps} reps, {n + slots + reps + 1} unassigned, {n + slots + reps + 2} sink\n"));
        writer.Write("c minimum cost = optimal objective (no offset)\n");
        Write(AssignmentNetwork.Build(problem).Network, writer);
    }

    /// <summary>Writes a network.</summary>
    public static void Write(FlowNetwork network, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        var inv = CultureInfo.InvariantCulture;
        writer.Write(string.Create(inv, $"p min {network.NodeCount} {network.ArcCount}\n"));
        for (int v = 0; v < network.NodeCount; v++)
            if (network.Supply(v) != 0) writer.Write(string.Create(inv, $"n {v + 1} {network.Supply(v)}\n"));
        for (int a = 0; a < network.ArcCount; a++)
            writer.Write(string.Create(inv, $"a {network.From(a) + 1} {network.To(a) + 1} {network.Lower(a)} {network.Upper(a)} {network.Cost(a)}\n"));
    }
}
