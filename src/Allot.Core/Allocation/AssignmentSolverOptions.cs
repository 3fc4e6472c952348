namespace Allot.Core.Allocation;

/// <summary>Settings for <see cref="AssignmentSolver.Solve(AssignmentProblem, AssignmentSolverOptions, CancellationToken)"/>.
/// None of them changes the result.</summary>
public sealed record AssignmentSolverOptions
{
    /// <summary>The defaults: components split and solved on all cores.</summary>
    public static AssignmentSolverOptions Default { get; } = new();

    /// <summary>The most components solved at the same time (-1: no limit).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Whether independent components (customers whose candidate reps never meet) are solved apart;
    /// false solves the whole problem as one (for tests: the result is the same).</summary>
    public bool SplitComponents { get; init; } = true;
}
