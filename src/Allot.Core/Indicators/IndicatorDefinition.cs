namespace Allot.Core.Indicators;

/// <summary>What one indicator column means.</summary>
/// <param name="Name">Stable snake_case name; the column name in <see cref="IndicatorTable"/>.</param>
/// <param name="Kind">The family it belongs to.</param>
/// <param name="Unit">Unit of the values, e.g. "days", "money", "ratio"; "text" for text columns.</param>
/// <param name="IsText">True for text columns (read with <see cref="IndicatorTable.Text"/>), false for numeric ones.</param>
/// <param name="DescriptionEn">One-line description in English.</param>
/// <param name="DescriptionZh">One-line description in Chinese.</param>
public sealed record IndicatorDefinition(
    string Name,
    IndicatorKind Kind,
    string Unit,
    bool IsText,
    string DescriptionEn,
    string DescriptionZh);
