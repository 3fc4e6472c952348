namespace Allot.Core.Value;

/// <summary>The whole value pipeline on a book's histories: fit the purchase model and Gamma-Gamma, check the
/// spend assumption, score every customer and find the churn warnings.</summary>
public static class ValueAnalysis
{
    /// <summary>Runs the pipeline.</summary>
    /// <param name="summaries">The histories (calibration period).</param>
    /// <param name="kind">BG/NBD or Pareto/NBD.</param>
    /// <param name="scoring">Horizons, discounting, margin (defaults when null).</param>
    /// <param name="churn">The churn rule (defaults when null).</param>
    /// <exception cref="ArgumentException">No customers, or options out of range.</exception>
    public static ValueAnalysisResult Run(CustomerSummaries summaries, CountModelKind kind = CountModelKind.BgNbd,
        ScoringOptions? scoring = null, ChurnOptions? churn = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        scoring ??= new ScoringOptions();
        churn ??= new ChurnOptions();
        scoring.Validate();
        churn.Validate();
        (ICountModel model, FitReport report) = kind switch
        {
            CountModelKind.BgNbd => Unpack(BgNbdModel.Fit(summaries)),
            CountModelKind.ParetoNbd => Unpack(ParetoNbdModel.Fit(summaries)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var independence = GammaGammaModel.CheckIndependence(summaries.X, summaries.MeanRepeatSpend);
        ModelFit<GammaGammaModel>? spend = null;
        int repeaters = 0;
        for (int i = 0; i < summaries.Count; i++)
            if (summaries.XArray[i] > 0 && summaries.ZbarArray[i] > 0) repeaters++;
        // With q ≤ 1 the fitted spend has no mean; the scorer then falls back to each customer's own mean.
        if (repeaters >= MinimumRepeatBuyers) spend = GammaGammaModel.Fit(summaries);
        var scores = ValueScorer.Score(model, spend?.Model, summaries, scoring);
        var warnings = ChurnWarnings.Find(summaries, scores, churn);
        return new ValueAnalysisResult(model, report, spend, independence, scores, warnings, scoring);
    }

    /// <summary>Fewer repeat buyers than this and Gamma-Gamma is not fitted (spend falls back to each customer's mean).</summary>
    public const int MinimumRepeatBuyers = 10;

    private static (ICountModel, FitReport) Unpack<T>(ModelFit<T> fit) where T : ICountModel => (fit.Model, fit.Report);
}
