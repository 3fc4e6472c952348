using System.Globalization;

namespace Allot.Core.Value;

/// <summary>How well a fitted purchase model describes the data it did not see: the checks of FHL (2005, figs. 2–4).</summary>
public static class ModelCheck
{
    /// <summary>Mean holdout purchases by calibration frequency, actual against predicted (FHL 2005 fig. 4).</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="summaries">Histories with a holdout period.</param>
    /// <param name="cap">Frequencies at or above this form the last group ("7+" by default).</param>
    /// <returns>One row per frequency 0 … cap−1 and one for cap and more; groups without customers are left out;
    /// empty without a holdout period.</returns>
    public static IReadOnlyList<HoldoutRow> HoldoutByFrequency(ICountModel model, CustomerSummaries summaries, int cap = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        if (summaries.HoldoutEnd is null) return [];
        double length = summaries.HoldoutLength;
        var customers = new int[cap + 1];
        var actual = new double[cap + 1];
        var expected = new double[cap + 1];
        for (int i = 0; i < summaries.Count; i++)
        {
            int g = Math.Min(summaries.XArray[i], cap);
            customers[g]++;
            actual[g] += summaries.HoldoutArray[i];
            expected[g] += model.ExpectedPurchases(length, summaries.XArray[i], summaries.TxArray[i], summaries.TArray[i]);
        }
        var rows = new List<HoldoutRow>();
        for (int g = 0; g <= cap; g++)
        {
            if (customers[g] == 0) continue;
            string label = g == cap ? cap.ToString(CultureInfo.InvariantCulture) + "+" : g.ToString(CultureInfo.InvariantCulture);
            rows.Add(new HoldoutRow(label, customers[g], actual[g] / customers[g], expected[g] / customers[g]));
        }
        return rows;
    }

    /// <summary>Repeat purchases per period of one time unit, from the earliest first purchase to the holdout end,
    /// actual against expected (FHL 2005 figs. 2 and 3: the tracking chart).</summary>
    /// <remarks>The expected count up to day D is Σ over customers of E[X(D − first purchase)], the model's mean for a
    /// customer who made a first purchase at that day; customers are grouped by first-purchase day. A last, partial
    /// period is left out.</remarks>
    public static IReadOnlyList<TrackingPoint> Tracking(ICountModel model, CustomerSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(model);
        double unitDays = TimeUnits.Days(summaries.Unit);
        int first = summaries.FirstDate.DayNumber;
        int last = (summaries.HoldoutEnd ?? summaries.CalibrationEnd).DayNumber;
        var cohorts = new SortedDictionary<int, int>();
        for (int i = 0; i < summaries.Count; i++)
            cohorts[summaries.FirstDayArray[i]] = cohorts.GetValueOrDefault(summaries.FirstDayArray[i]) + 1;
        var daily = summaries.RepeatsByDay;
        var points = new List<TrackingPoint>();
        double actualCumulative = 0, expectedBefore = 0;
        int dayIndex = 0;
        for (int period = 1; ; period++)
        {
            // The period's last day: the whole days within `period` units of the earliest first purchase.
            int end = first + (int)Math.Floor(period * unitDays) - 1;
            if (end > last) break;
            double actual = 0;
            for (; dayIndex <= end - first && dayIndex < daily.Length; dayIndex++) actual += daily[dayIndex];
            double expectedCumulative = 0;
            foreach (var (day, n) in cohorts)
            {
                if (day > end) break;
                expectedCumulative += n * model.ExpectedPurchasesNew((end - day) / unitDays);
            }
            actualCumulative += actual;
            points.Add(new TrackingPoint(period, DateOnly.FromDayNumber(end), actual, expectedCumulative - expectedBefore, actualCumulative,
                expectedCumulative, end <= summaries.CalibrationEnd.DayNumber));
            expectedBefore = expectedCumulative;
        }
        return points;
    }
}
