namespace Allot.Core.Allocation;

/// <summary>A min-cost flow: the flow on each arc, its cost and node potentials proving it optimal.</summary>
/// <param name="Feasible">False when no flow meets the supplies within the bounds (then the rest is empty).</param>
/// <param name="Cost">Σ flow × cost over all arcs.</param>
/// <param name="Flow">Flow on each arc, by arc number.</param>
/// <param name="Potential">Node potentials π with cost + π(tail) − π(head) ≥ 0 on every arc that could carry more
/// and ≤ 0 on every arc that could carry less.</param>
public sealed record FlowSolution(bool Feasible, long Cost, IReadOnlyList<long> Flow, IReadOnlyList<long> Potential);
