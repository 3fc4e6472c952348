namespace Allot.Core.Importing;

/// <summary>An input row that was not imported, and why.</summary>
/// <param name="File">The file the row came from.</param>
/// <param name="Line">1-based line where the row starts (for spreadsheets: the sheet row).</param>
/// <param name="Column">The column at fault (its header), or null when the whole row is at fault.</param>
/// <param name="Value">The offending value as read, if any.</param>
/// <param name="Reason">What was wrong and what was expected.</param>
public sealed record RowReject(string File, long Line, string? Column, string? Value, string Reason);
