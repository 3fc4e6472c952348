using Allot.Core.Engagement;

namespace Allot.Core.Indicators;

/// <summary>Collects interactions and feedback into per-customer totals and writes the engagement columns.</summary>
internal sealed class EngagementAccumulator(CustomerIndex index, int asOfDay)
{
    /// <summary>The columns <see cref="Write"/> makes.</summary>
    public static readonly string[] Columns = ["days_since_interaction", "interactions_365", "interactions_90", "satisfaction_latest", "satisfaction_avg", "nps_latest"];

    private EngagementTotals[] _totals = [];

    /// <summary>Adds an interaction on or before the as-of date; later ones are skipped.</summary>
    public void Add(Interaction interaction)
    {
        int day = interaction.Date.DayNumber;
        if (day > asOfDay) return;
        int c = index.Register(interaction.CustomerKey);
        index.Fit(ref _totals);
        ref EngagementTotals t = ref _totals[c];
        t.LastInteractionPlusOne = Math.Max(t.LastInteractionPlusOne, day + 1);
        int age = asOfDay - day;
        if (age < 365) t.Interactions365++;
        if (age < 90) t.Interactions90++;
    }

    /// <summary>Adds feedback given on or before the as-of date; later feedback is skipped.</summary>
    public void Add(Feedback feedback)
    {
        int day = feedback.Date.DayNumber;
        if (day > asOfDay) return;
        int c = index.Register(feedback.CustomerKey);
        index.Fit(ref _totals);
        ref EngagementTotals t = ref _totals[c];
        if (feedback.Satisfaction is int score)
        {
            t.SatisfactionSum += score;
            t.SatisfactionCount++;
            if (IsLater(day, feedback.Key, t.SatisfactionDayPlusOne, t.SatisfactionKey))
                (t.SatisfactionDayPlusOne, t.SatisfactionKey, t.SatisfactionLatest) = (day + 1, feedback.Key, score);
        }
        if (feedback.Nps is int nps && IsLater(day, feedback.Key, t.NpsDayPlusOne, t.NpsKey))
            (t.NpsDayPlusOne, t.NpsKey, t.NpsLatest) = (day + 1, feedback.Key, nps);
    }

    /// <summary>Adds one customer's follow-ups and feedback, summed elsewhere; the customer must not also come
    /// as records.</summary>
    public void Add(EngagementSummary s)
    {
        int c = index.Register(s.CustomerKey);
        index.Fit(ref _totals);
        ref EngagementTotals t = ref _totals[c];
        if (s.LastInteraction is DateOnly last) t.LastInteractionPlusOne = last.DayNumber + 1;
        t.Interactions365 = s.Interactions365;
        t.Interactions90 = s.Interactions90;
        t.SatisfactionSum = s.SatisfactionSum;
        t.SatisfactionCount = s.SatisfactionCount;
        // Only presence matters from here on: the day fields mark that a latest answer exists.
        if (s.SatisfactionLatest is int satisfaction) (t.SatisfactionDayPlusOne, t.SatisfactionLatest) = (1, satisfaction);
        if (s.NpsLatest is int nps) (t.NpsDayPlusOne, t.NpsLatest) = (1, nps);
    }

    // Latest by date; on one date the ordinally greater key wins, so the result never depends on input order.
    private static bool IsLater(int day, string key, int bestDayPlusOne, string? bestKey) =>
        day + 1 > bestDayPlusOne || (day + 1 == bestDayPlusOne && string.CompareOrdinal(key, bestKey) > 0);

    /// <summary>Writes the engagement columns for <paramref name="n"/> customers.</summary>
    public void Write(Dictionary<string, double[]> numbers, int n)
    {
        Array.Resize(ref _totals, n);
        var since = numbers["days_since_interaction"] = new double[n];
        var last365 = numbers["interactions_365"] = new double[n];
        var last90 = numbers["interactions_90"] = new double[n];
        var satisfactionLatest = numbers["satisfaction_latest"] = new double[n];
        var satisfactionAvg = numbers["satisfaction_avg"] = new double[n];
        var npsLatest = numbers["nps_latest"] = new double[n];
        for (int i = 0; i < n; i++)
        {
            ref EngagementTotals t = ref _totals[i];
            since[i] = t.LastInteractionPlusOne > 0 ? asOfDay - (t.LastInteractionPlusOne - 1) : double.NaN;
            last365[i] = t.Interactions365;
            last90[i] = t.Interactions90;
            satisfactionLatest[i] = t.SatisfactionDayPlusOne > 0 ? t.SatisfactionLatest : double.NaN;
            satisfactionAvg[i] = t.SatisfactionCount > 0 ? (double)t.SatisfactionSum / t.SatisfactionCount : double.NaN;
            npsLatest[i] = t.NpsDayPlusOne > 0 ? t.NpsLatest : double.NaN;
        }
    }
}
