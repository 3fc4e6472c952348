namespace Allot.Core.Importing;

/// <summary>A record on its way to the store, with the line it came from.</summary>
/// <param name="Record">A <see cref="Customers.Customer"/>, <see cref="Reps.Rep"/>, <see cref="Sales.Order"/>,
/// <see cref="Receivables.Invoice"/>, <see cref="Receivables.Payment"/>, <see cref="Engagement.Interaction"/> or
/// <see cref="Engagement.Feedback"/>.</param>
/// <param name="Line">1-based line where the row starts.</param>
public readonly record struct LineRecord(object Record, long Line);
