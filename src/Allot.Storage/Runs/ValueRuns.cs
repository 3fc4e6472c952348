using Allot.Core.Value;

namespace Allot.Storage.Runs;

/// <summary>Value runs on the store's orders: the fit stored whole (every customer's figures and the churn
/// warnings) — what <c>allot value fit</c> and the server's <c>POST /api/value/runs</c> both do.</summary>
public static class ValueRuns
{
    /// <summary>Fits BG/NBD and Gamma-Gamma on the store's orders with the defaults (weeks, calibration to the latest
    /// order, 90 days, 12 months at 1 %, churn below P(alive) 0.5 in the top fifth by spend) and stores the value run.</summary>
    /// <exception cref="ArgumentException">The store has no orders.</exception>
    public static ValueFit FitAndStore(IStore store, string by)
    {
        CustomerSummaries summaries;
        try
        {
            summaries = CustomerSummaries.FromOrders(store.ReadOrders());
        }
        catch (ArgumentException e) when (e.Message.StartsWith("no orders", StringComparison.Ordinal))
        {
            throw new ArgumentException("no orders in the store: import orders first (allot import orders FILE), or try `allot demo`", e);
        }
        var analysis = ValueAnalysis.Run(summaries);
        return new ValueFit(Store(store, by, summaries, analysis), summaries, analysis);
    }

    /// <summary>Stores a value analysis as a run: its models and settings, every customer's figures, the churn ranks.</summary>
    /// <returns>The run's number.</returns>
    public static long Store(IStore store, string by, CustomerSummaries summaries, ValueAnalysisResult analysis)
    {
        var rank = new Dictionary<int, int>();
        for (int k = 0; k < analysis.Churn.Warnings.Count; k++) rank[analysis.Churn.Warnings[k].Row] = k + 1;
        var s = analysis.Scores;
        var run = new ValueRun
        {
            Model = analysis.Model.Name, Unit = TimeUnits.Name(summaries.Unit), CalibrationEnd = summaries.CalibrationEnd,
            Parameters = analysis.Fit.Parameters, LogLikelihood = analysis.Fit.LogLikelihood, Converged = analysis.Fit.Converged,
            SpendParameters = analysis.Spend?.Report.Parameters ?? [], SpendLogLikelihood = analysis.Spend?.Report.LogLikelihood,
            SpendCorrelation = analysis.Independence.Correlation,
            HorizonDays = analysis.Scoring.HorizonDays, ClvMonths = analysis.Scoring.ClvMonths, DiscountRate = analysis.Scoring.MonthlyDiscountRate, Margin = analysis.Scoring.Margin,
            ChurnThreshold = analysis.Churn.Options.Threshold, ChurnQuantile = analysis.Churn.Options.ValueQuantile,
            ChurnBasis = analysis.Churn.Options.Basis.ToString().ToLowerInvariant(), ValueCut = analysis.Churn.ValueCut,
            Customers = summaries.Count, Warnings = analysis.Churn.Warnings.Count,
        };
        return store.SaveValueRun(by, run, Enumerable.Range(0, summaries.Count).Select(i =>
        {
            bool warned = rank.TryGetValue(i, out int r);
            return new StoredCustomerValue(summaries.Keys[i], summaries.X[i], summaries.Tx[i], summaries.T[i], summaries.MeanRepeatSpend[i], summaries.CalibrationSpend[i],
                s.ProbabilityAlive[i], s.ExpectedPurchases[i], s.ExpectedSpend[i], s.Clv[i], warned,
                warned ? analysis.Churn.Warnings[r - 1].ValueAtRisk : null, warned ? r : null);
        }));
    }
}
