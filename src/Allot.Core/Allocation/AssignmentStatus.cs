namespace Allot.Core.Allocation;

/// <summary>How an allocation solve ended.</summary>
public enum AssignmentStatus
{
    /// <summary>The assignment is optimal: no feasible assignment has a lower objective.</summary>
    Optimal,

    /// <summary>No feasible assignment exists: locked customers exceed some rep's capacity (see the message).</summary>
    Infeasible,
}
