namespace Allot.Core.Value;

/// <summary>What <see cref="ValueAnalysis.Run"/> found.</summary>
/// <param name="Model">The fitted purchase model.</param>
/// <param name="Fit">Its fit report.</param>
/// <param name="Spend">The Gamma-Gamma fit, or null with too few repeat buyers.</param>
/// <param name="Independence">The frequency-spend correlation check.</param>
/// <param name="Scores">Every customer's figures, aligned with the summaries.</param>
/// <param name="Churn">The churn warnings.</param>
/// <param name="Scoring">The scoring options used.</param>
public sealed record ValueAnalysisResult(ICountModel Model, FitReport Fit, ModelFit<GammaGammaModel>? Spend, SpendIndependence Independence,
    ValueScores Scores, ChurnReport Churn, ScoringOptions Scoring);
