namespace Allot.Storage;

/// <summary>A stored classification run.</summary>
/// <param name="Id">Run number.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="By">Who ran it.</param>
/// <param name="AsOf">The date its indicators describe.</param>
/// <param name="SchemeName">The scheme's name.</param>
/// <param name="Customers">Customers classified.</param>
/// <param name="TierClasses">The tier classifier's classes, best first.</param>
public sealed record ClassificationRunInfo(long Id, DateTimeOffset CreatedAt, string By, DateOnly AsOf, string SchemeName, int Customers,
    IReadOnlyList<string> TierClasses)
{
    /// <summary>The indicators each customer's <see cref="StoredClassification.Figures"/> hold, in order (empty for runs
    /// stored before schema version 7).</summary>
    public IReadOnlyList<string> FigureNames { get; init; } = [];
}
