using Allot.Core.Value;

namespace Allot.Storage.Runs;

/// <summary>A stored value run with what it was computed from.</summary>
/// <param name="Run">The run's number.</param>
/// <param name="Summaries">The customers' purchase histories.</param>
/// <param name="Analysis">The fitted models, scores and churn warnings.</param>
public sealed record ValueFit(long Run, CustomerSummaries Summaries, ValueAnalysisResult Analysis);
