namespace Allot.Core.Value;

/// <summary>Scores a whole book: P(alive), expected purchases, expected spend and CLV for every customer.</summary>
/// <remarks>
/// <para>CLV = margin × E[spend per purchase] × Σₖ₌₁..ₘ (E[Y(k·month)] − E[Y((k−1)·month)]) / (1 + d)ᵏ: the expected
/// purchases of each month, discounted at the month's end, times expected spend and margin (the discrete-time
/// method of lifetimes' <c>customer_lifetime_value</c>, with months of 365.25/12 days converted to the model's
/// unit). It assumes spend is independent of the purchase process, as the Gamma-Gamma model does.</para>
/// <para>An active customer's expected purchases depend on x and T only, so they are computed once per distinct
/// (x, T) pair of the book; customers are independent, so the rest runs in parallel chunks. The result does not
/// depend on the thread count.</para>
/// </remarks>
public static class ValueScorer
{
    /// <summary>Scores every customer of <paramref name="summaries"/>.</summary>
    /// <param name="count">The fitted purchase model (its time unit must be the summaries').</param>
    /// <param name="spend">The fitted spend model, or null to use each customer's own mean calibration spend.</param>
    /// <param name="summaries">The histories.</param>
    /// <param name="options">Horizons, discounting and margin (defaults: 90 days, 12 months, 1 % a month, margin 1).</param>
    public static ValueScores Score(ICountModel count, GammaGammaModel? spend, CustomerSummaries summaries, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(summaries);
        options ??= new ScoringOptions();
        options.Validate();
        int n = summaries.Count;
        var pAlive = new double[n];
        var expected = new double[n];
        var meanSpend = new double[n];
        var clv = new double[n];
        var clvIfAlive = new double[n];
        double unitDays = TimeUnits.Days(summaries.Unit);
        double horizon = options.HorizonDays / unitDays;
        double month = 365.25 / 12 / unitDays;
        int months = options.ClvMonths;
        var discount = new double[months + 1];
        for (int k = 1; k <= months; k++) discount[k] = Math.Pow(1 + options.MonthlyDiscountRate, -k);
        var x = summaries.XArray;
        var tx = summaries.TxArray;
        var t = summaries.TArray;
        var zbar = summaries.ZbarArray;
        var historic = summaries.SpendArray;

        // What an active customer is expected to buy depends on x and T only (not on tₓ), and books share few
        // (x, T) pairs (T counts whole days since the first purchase), so those series are computed once per pair.
        var pairs = new Dictionary<(int, double), int>();
        var pairOf = new int[n];
        var pairX = new List<int>();
        var pairT = new List<double>();
        for (int i = 0; i < n; i++)
        {
            var key = (x[i], t[i]);
            if (!pairs.TryGetValue(key, out int k))
            {
                k = pairX.Count;
                pairs.Add(key, k);
                pairX.Add(x[i]);
                pairT.Add(t[i]);
            }
            pairOf[i] = k;
        }
        var horizonIfAlive = new double[pairX.Count];
        var discountedIfAlive = new double[pairX.Count];
        Parallel.For(0, pairX.Count, k =>
        {
            horizonIfAlive[k] = count.ExpectedPurchasesIfAlive(horizon, pairX[k], 0, pairT[k]);
            double discounted = 0, before = 0;
            for (int m = 1; m <= months; m++)
            {
                double cumulative = count.ExpectedPurchasesIfAlive(m * month, pairX[k], 0, pairT[k]);
                discounted += (cumulative - before) * discount[m];
                before = cumulative;
            }
            discountedIfAlive[k] = discounted;
        });
        const int chunk = 8192;
        Parallel.For(0, (n + chunk - 1) / chunk, c =>
        {
            for (int i = c * chunk, end = Math.Min(n, (c + 1) * chunk); i < end; i++)
            {
                double pa = count.ProbabilityAlive(x[i], tx[i], t[i]);
                pAlive[i] = pa;
                expected[i] = pa * horizonIfAlive[pairOf[i]];
                double s = spend?.ConditionalMeanSpend(x[i], zbar[i]) ?? double.NaN;
                if (!double.IsFinite(s)) s = historic[i] / (x[i] + 1);
                meanSpend[i] = s;
                double ifAlive = options.Margin * s * discountedIfAlive[pairOf[i]];
                clvIfAlive[i] = ifAlive;
                clv[i] = pa * ifAlive;
            }
        });
        return new ValueScores(pAlive, expected, meanSpend, clv, clvIfAlive);
    }
}
