using Allot.Core.Classification.Schemes;
using Allot.Core.Indicators;

namespace Allot.Storage.Runs;

/// <summary>A scheme run over a book: the scheme, the indicators it read and what it said.</summary>
/// <param name="Scheme">The scheme.</param>
/// <param name="Table">The indicators, value indicators included when the scheme reads them.</param>
/// <param name="Outcome">Every customer's classes, in the table's row order.</param>
public sealed record Classified(Scheme Scheme, IndicatorTable Table, SchemeOutcome Outcome);
