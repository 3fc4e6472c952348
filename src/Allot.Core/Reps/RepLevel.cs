namespace Allot.Core.Reps;

/// <summary>Seniority of a rep; ordered from least to most senior.</summary>
public enum RepLevel
{
    /// <summary>Junior rep.</summary>
    Junior,

    /// <summary>Mid-level rep.</summary>
    Mid,

    /// <summary>Senior rep.</summary>
    Senior,
}
