namespace Allot.Core.Allocation;

/// <summary>The optimum of a full problem found through a pruned one, and how many rounds that took.</summary>
/// <param name="Solution">Optimal for the full problem (its prices and runner-ups are over all candidates).</param>
/// <param name="Rounds">Solves needed: 1 when the top-k candidates were enough.</param>
/// <param name="ArcsKept">Candidate arcs in the last pruned problem.</param>
/// <param name="ArcsAdded">Arcs added back because their reduced cost was negative under a round's prices.</param>
/// <param name="Pruned">The last pruned problem: the one whose optimum was proven optimal for the full problem.</param>
public sealed record PrunedSolution(AssignmentSolution Solution, int Rounds, int ArcsKept, int ArcsAdded, AssignmentProblem Pruned);
