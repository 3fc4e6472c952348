namespace Allot.Core.Classification.Runs;

/// <summary>One cell of a migration matrix: customers that went from one tier to another.</summary>
/// <param name="From">Tier in the first run (null: not in it).</param>
/// <param name="To">Tier in the second run (null: not in it).</param>
/// <param name="Customers">How many.</param>
/// <param name="Revenue">Their revenue at the second run's as-of date (the first's for customers that left).</param>
public sealed record MigrationCell(string? From, string? To, int Customers, double Revenue);
