namespace Allot.Core.Reps;

/// <summary>A sales rep (销售代表).</summary>
/// <remarks>Skill scores are 0–100 when known. Capacity counts accounts; <see cref="CapacityByTier"/>
/// optionally caps accounts per tier name.</remarks>
public sealed record Rep
{
    /// <summary>The key in the source system.</summary>
    public required string Key { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Team the rep belongs to.</summary>
    public string? Team { get; init; }

    /// <summary>Regions the rep serves.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Industries the rep knows (expertise).</summary>
    public IReadOnlyList<string> Industries { get; init; } = [];

    /// <summary>Seniority.</summary>
    public RepLevel Level { get; init; } = RepLevel.Mid;

    /// <summary>Product knowledge, 0–100.</summary>
    public int? ProductSkill { get; init; }

    /// <summary>Selling skill, 0–100.</summary>
    public int? SellingSkill { get; init; }

    /// <summary>Relationship building, 0–100.</summary>
    public int? RelationshipSkill { get; init; }

    /// <summary>Maximum number of accounts, if capped.</summary>
    public int? Capacity { get; init; }

    /// <summary>Maximum number of accounts per tier name (e.g. A → 20).</summary>
    public IReadOnlyDictionary<string, int> CapacityByTier { get; init; } = new Dictionary<string, int>();

    /// <summary>Inactive reps are given no customers.</summary>
    public bool Active { get; init; } = true;

    /// <summary>First working day.</summary>
    public DateOnly? StartDate { get; init; }
}
