namespace Allot.Core.Classification;

/// <summary>Settings of a weighted score (<see cref="WeightedScore"/>).</summary>
/// <remarks>
/// Tiers come either from <see cref="ScoreTiers"/> (minimum scores, strictly decreasing) or from
/// <see cref="ShareTiers"/> (shares of customers in score order), not both; when neither is set the default is
/// ≥ 80 高价值, ≥ 60 潜力, ≥ 30 普通, else <see cref="RestTier"/> 低价值.
/// </remarks>
public sealed record ScoringOptions
{
    /// <summary>The default score tiers: ≥ 80 高价值, ≥ 60 潜力, ≥ 30 普通 (the rest 低价值).</summary>
    public static IReadOnlyList<ScoreTier> DefaultScoreTiers { get; } = [new("高价值", 80), new("潜力", 60), new("普通", 30)];

    /// <summary>The indicators, weights and directions; at least one, names distinct.</summary>
    public required IReadOnlyList<ScoredIndicator> Indicators { get; init; }

    /// <summary>How values are mapped to 0–1; default min-max.</summary>
    public Normalisation Normalisation { get; init; } = Normalisation.MinMax;

    /// <summary>When set, values below this percentile (0–1, linear interpolation between order statistics, as
    /// Excel PERCENTILE.INC) are raised to it before normalising; null = no lower clipping.</summary>
    public double? WinsorLower { get; init; }

    /// <summary>When set, values above this percentile (0–1) are lowered to it before normalising; null = none.</summary>
    public double? WinsorUpper { get; init; }

    /// <summary>Tiers by minimum score, best first, strictly decreasing; null = default unless <see cref="ShareTiers"/> is set.</summary>
    public IReadOnlyList<ScoreTier>? ScoreTiers { get; init; }

    /// <summary>Tiers by share of customers, best first; null = tiers by score.</summary>
    public IReadOnlyList<ShareTier>? ShareTiers { get; init; }

    /// <summary>The tier of customers below every tier; default "低价值".</summary>
    public string RestTier { get; init; } = "低价值";

    /// <summary>The classifier's name in the result; default "score".</summary>
    public string Name { get; init; } = "score";
}
