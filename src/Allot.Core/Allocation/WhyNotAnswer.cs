namespace Allot.Core.Allocation;

/// <summary>What forcing a customer to another rep (or to unassigned) would cost, exactly, and who would move.</summary>
/// <param name="Customer">The customer asked about.</param>
/// <param name="Rep">The rep it would be forced to (<see cref="AssignmentSolution.Unassigned"/>: left unassigned).</param>
/// <param name="Feasible">False when it cannot go there at all (not a candidate, locked elsewhere, no room that any
/// sequence of moves can free); then <see cref="ObjectiveChange"/> is 0 and <see cref="Chain"/> empty.</param>
/// <param name="ObjectiveChange">The optimal objective with the customer forced there minus the optimal objective
/// (≥ 0).</param>
/// <param name="Chain">The moves of the re-optimised book: the customer itself first, then each customer displaced to
/// make room, in order along the chain (applied to the current assignment, the chain gives the re-optimised one).</param>
/// <param name="Reason">The answer in words.</param>
public sealed record WhyNotAnswer(int Customer, int Rep, bool Feasible, long ObjectiveChange, IReadOnlyList<Relocation> Chain, string Reason);
