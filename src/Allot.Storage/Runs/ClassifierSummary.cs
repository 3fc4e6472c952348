namespace Allot.Storage.Runs;

/// <summary>One classifier's classes with their figures.</summary>
/// <param name="Name">The classifier's name in the scheme.</param>
/// <param name="Classes">Its classes, best first where the order is known.</param>
public sealed record ClassifierSummary(string Name, IReadOnlyList<ClassFigures> Classes);
