namespace Allot.Core.Value;

/// <summary>Finds valuable customers who have probably churned: P(alive) below a threshold while their value is
/// high.</summary>
/// <remarks>"High" is relative to the book: at or above a quantile (default the 80th percentile) of the customers'
/// positive values, so the rule needs no currency-specific amount. The quantile is the lower empirical one (the
/// value of the ⌈q·n⌉-th smallest). Ranked by value at risk, (1 − P(alive)) × value.</remarks>
public static class ChurnWarnings
{
    /// <summary>The warnings.</summary>
    public static ChurnReport Find(CustomerSummaries summaries, ValueScores scores, ChurnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(scores);
        options ??= new ChurnOptions();
        options.Validate();
        if (scores.Count != summaries.Count) throw new ArgumentException("scores and summaries must describe the same customers");
        var value = new double[summaries.Count];
        for (int i = 0; i < value.Length; i++)
            value[i] = options.Basis == ChurnBasis.Historic ? summaries.SpendArray[i] : scores.ClvIfAlive[i];
        double[] positive = [.. value.Where(v => v > 0 && double.IsFinite(v))];
        if (positive.Length == 0) return new ChurnReport([], double.NaN, options);
        Array.Sort(positive);
        int rank = Math.Max(1, (int)Math.Ceiling(options.ValueQuantile * positive.Length));
        double cut = positive[rank - 1];
        var warnings = new List<ChurnWarning>();
        for (int i = 0; i < value.Length; i++)
        {
            double pa = scores.ProbabilityAlive[i];
            if (pa < options.Threshold && value[i] >= cut && value[i] > 0)
                warnings.Add(new ChurnWarning(summaries.KeyArray[i], i, pa, value[i], (1 - pa) * value[i]));
        }
        warnings.Sort((a, b) => b.ValueAtRisk != a.ValueAtRisk ? b.ValueAtRisk.CompareTo(a.ValueAtRisk) : string.CompareOrdinal(a.CustomerKey, b.CustomerKey));
        return new ChurnReport(warnings, cut, options);
    }
}
