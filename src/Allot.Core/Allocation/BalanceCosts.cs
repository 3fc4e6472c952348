namespace Allot.Core.Allocation;

/// <summary>Workload balance as convex per-tier load costs, from a weighted fair share per rep.</summary>
/// <remarks>
/// <para>A penalty on a rep's total weighted load L = Σ<sub>t</sub> w<sub>t</sub>·n<sub>t</sub> is not a min-cost
/// flow (customers are indivisible units; a hard weighted capacity is the NP-hard generalised assignment problem).
/// So the fair share F of a rep is split over the tiers in proportion to each tier's weighted share of the book:
/// f<sub>t</sub> = F·N<sub>t</sub> / Σ<sub>s</sub> w<sub>s</sub>N<sub>s</sub> accounts of tier t (rounded to the
/// nearest), and every tier-t account beyond f<sub>t</sub> costs slope·w<sub>t</sub>.</para>
/// <para>A rep at its fair count in every tier carries (up to rounding) exactly its fair weighted load. The separable
/// penalty Σ<sub>t</sub> slope·w<sub>t</sub>·max(0, n<sub>t</sub> − f<sub>t</sub>) is never below
/// slope·max(0, L − Σ<sub>t</sub>w<sub>t</sub>f<sub>t</sub>), the weighted penalty, and equals it whenever no tier is
/// under its share while another is over: it also asks for a balanced mix of tiers, not only of total work.</para>
/// </remarks>
public static class BalanceCosts
{
    /// <summary>Per (rep, tier) load costs: free up to the rep's fair count in the tier, then slope × weight per account.</summary>
    /// <param name="fairShare">Each rep's fair share of the weighted load (e.g. the book's weighted total split by
    /// working time).</param>
    /// <param name="tierWeight">Workload units per account of each tier (positive), e.g. A 3, B 2, C 1.</param>
    /// <param name="tierCustomers">Customers of each tier in the book.</param>
    /// <param name="slope">Cost per weighted unit over the fair share (≥ 0).</param>
    /// <returns>[rep, tier] costs, to pass as the tier load costs of an <see cref="AssignmentProblem"/>.</returns>
    public static LoadCost[,] PerTier(ReadOnlySpan<long> fairShare, ReadOnlySpan<int> tierWeight, ReadOnlySpan<int> tierCustomers, long slope)
    {
        if (tierWeight.Length != tierCustomers.Length) throw new ArgumentException("one customer count per tier weight", nameof(tierCustomers));
        ArgumentOutOfRangeException.ThrowIfNegative(slope);
        long weighted = 0;
        for (int t = 0; t < tierWeight.Length; t++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tierWeight[t]);
            ArgumentOutOfRangeException.ThrowIfNegative(tierCustomers[t]);
            weighted += (long)tierWeight[t] * tierCustomers[t];
        }
        var costs = new LoadCost[fairShare.Length, tierWeight.Length];
        for (int r = 0; r < fairShare.Length; r++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(fairShare[r]);
            for (int t = 0; t < tierWeight.Length; t++)
            {
                long fair = weighted == 0 ? 0 : (long)((2 * (Int128)fairShare[r] * tierCustomers[t] + weighted) / (2 * (Int128)weighted));
                costs[r, t] = LoadCost.AboveThreshold((int)Math.Min(fair, int.MaxValue - 1), slope * tierWeight[t]);
            }
        }
        return costs;
    }
}
