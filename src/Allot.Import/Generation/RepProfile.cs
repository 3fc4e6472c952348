namespace Allot.Import.Generation;

/// <summary>One simulated sales rep.</summary>
internal sealed class RepProfile
{
    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Team name.</summary>
    public required string Team { get; init; }

    /// <summary>Indices of the regions served, primary first.</summary>
    public required int[] Regions { get; init; }

    /// <summary>Indices of the industries known.</summary>
    public required int[] Industries { get; init; }

    /// <summary>0 junior, 1 mid, 2 senior.</summary>
    public required int Level { get; init; }

    /// <summary>Maximum number of accounts.</summary>
    public required int Capacity { get; init; }

    /// <summary>Product knowledge, 0–100.</summary>
    public required int ProductSkill { get; init; }

    /// <summary>Selling skill, 0–100.</summary>
    public required int SellingSkill { get; init; }

    /// <summary>Relationship building, 0–100.</summary>
    public required int RelationshipSkill { get; init; }

    /// <summary>First working day (day number).</summary>
    public required int StartDay { get; init; }

    /// <summary>Customers assigned so far (only during population building).</summary>
    public int Load { get; set; }
}
