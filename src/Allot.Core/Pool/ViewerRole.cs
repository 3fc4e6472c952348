namespace Allot.Core.Pool;

/// <summary>What a viewer is.</summary>
public enum ViewerRole
{
    /// <summary>A sales rep: sees the contacts of its own customers only.</summary>
    Rep,

    /// <summary>A manager: sees the contacts of the customers of the pools it manages.</summary>
    Manager,

    /// <summary>Sees everything.</summary>
    Administrator,
}
