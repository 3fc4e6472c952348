namespace Allot.Core.Allocation;

/// <summary>One customer changing rep.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="From">Its rep before (<see cref="AssignmentSolution.Unassigned"/>: none).</param>
/// <param name="To">Its rep after (<see cref="AssignmentSolution.Unassigned"/>: none).</param>
public readonly record struct Relocation(int Customer, int From, int To);
