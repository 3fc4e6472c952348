namespace Allot.Core.Access;

/// <summary>What a user may do.</summary>
/// <remarks>Admin: everything. Manager: a team's customers and the runs, imports and policies. Rep: its own
/// customers only.</remarks>
public enum Role
{
    /// <summary>A sales rep (销售代表), linked to a rep record: sees and changes only its own customers.</summary>
    Rep,

    /// <summary>A sales manager: sees its team's customers; imports, classifies, proposes and applies allocations.</summary>
    Manager,

    /// <summary>Everything, including users.</summary>
    Admin,
}
