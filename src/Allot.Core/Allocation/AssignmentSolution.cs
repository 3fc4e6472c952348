using System.Diagnostics;

namespace Allot.Core.Allocation;

/// <summary>An optimal assignment with its objective, the prices (LP duals) that prove it optimal and what they say
/// about each customer and rep.</summary>
/// <remarks>
/// <para><b>Prices.</b> <see cref="SlotPrice"/>(r, t) is the cost, at the optimum, of taking one more tier-t
/// account through rep r to the end of the network: its tier load cost, its rep load cost and whatever a full rep
/// must pass on. <see cref="RepPrice"/>[r] is the same after the tier step. Leaving a customer unassigned has
/// price 0. <see cref="CustomerPrice"/>[i] is what serving customer i costs at those prices:
/// cost(i, rep) + SlotPrice(rep, tier), or its unassigned cost when unassigned. Optimality means every customer
/// sits where that sum is least over its options, and every load sits where the prices fall between the marginal
/// costs of its last and next account (complementary slackness). Several price vectors can prove the same optimum;
/// the solver returns one, always the same for the same problem.</para>
/// <para><b>Runner-up.</b> For each customer the option with the next-least priced cost (reps by index, then
/// unassigned) and the margin to it (≥ 0). The margin is a price-based estimate; the exact change of the objective
/// when a customer is forced elsewhere is <see cref="AssignmentSolver.WhyNot"/>.</para>
/// <para><b>Shadow prices.</b> When a rep is full (holds its capacity), <see cref="RepShadowPrice"/> is how far its
/// price exceeds the marginal cost of its last account: what one more place at that rep could save at most under
/// these prices. Likewise <see cref="TierShadowPrice"/> for a full tier. Both are 0 when not binding.</para>
/// </remarks>
public sealed class AssignmentSolution
{
    /// <summary>The rep index meaning "unassigned" (in <see cref="RepOf"/> and <see cref="RunnerUp"/>).</summary>
    public const int Unassigned = AssignmentProblem.None;

    /// <summary>The <see cref="RunnerUp"/> of a customer with no other option (locked, or a single option).</summary>
    public const int NoAlternative = -2;

    private readonly int _tierCount;
    private readonly int[] _repOf;
    private readonly long[] _customerPrice, _repPrice, _slotPrice, _repShadow, _tierShadow, _margin;
    private readonly int[] _runnerUp;

    private AssignmentSolution(AssignmentStatus status, string? message, int tierCount, int[] repOf, long objective,
        long[] customerPrice, long[] repPrice, long[] slotPrice, long[] repShadow, long[] tierShadow, int[] runnerUp,
        long[] margin, SolveStatistics statistics)
    {
        Status = status;
        Message = message;
        _tierCount = tierCount;
        _repOf = repOf;
        Objective = objective;
        _customerPrice = customerPrice;
        _repPrice = repPrice;
        _slotPrice = slotPrice;
        _repShadow = repShadow;
        _tierShadow = tierShadow;
        _runnerUp = runnerUp;
        _margin = margin;
        Statistics = statistics;
    }

    /// <summary>Optimal, or infeasible (then nobody is assigned and <see cref="Message"/> says why).</summary>
    public AssignmentStatus Status { get; }

    /// <summary>Why the problem is infeasible; null when optimal.</summary>
    public string? Message { get; }

    /// <summary>The rep of each customer, <see cref="Unassigned"/> for none.</summary>
    public ReadOnlySpan<int> RepOf => _repOf;

    /// <summary>The objective of <see cref="RepOf"/> (see <see cref="AssignmentProblem"/>), the least possible.</summary>
    public long Objective { get; }

    /// <summary>What serving each customer costs at the optimum's prices (its dual value).</summary>
    public ReadOnlySpan<long> CustomerPrice => _customerPrice;

    /// <summary>Each rep's price: the cost at the optimum of one more account at the rep, after its tier step.</summary>
    public ReadOnlySpan<long> RepPrice => _repPrice;

    /// <summary>For each customer the next-best option (a rep, <see cref="Unassigned"/> or <see cref="NoAlternative"/>).</summary>
    public ReadOnlySpan<int> RunnerUp => _runnerUp;

    /// <summary>For each customer how much more its runner-up costs at the optimum's prices (0 for none).</summary>
    public ReadOnlySpan<long> RunnerUpMargin => _margin;

    /// <summary>How the solve went: components, searches, moves.</summary>
    public SolveStatistics Statistics { get; }

    /// <summary>The price of one more tier-<paramref name="tier"/> account at rep <paramref name="rep"/>.</summary>
    public long SlotPrice(int rep, int tier) => _slotPrice[rep * _tierCount + tier];

    /// <summary>The shadow price of rep <paramref name="rep"/>'s capacity (0 unless the rep is full).</summary>
    public long RepShadowPrice(int rep) => _repShadow[rep];

    /// <summary>The shadow price of rep <paramref name="rep"/>'s capacity in tier <paramref name="tier"/> (0 unless full).</summary>
    public long TierShadowPrice(int rep, int tier) => _tierShadow[rep * _tierCount + tier];

    internal ReadOnlySpan<long> SlotPrices => _slotPrice;

    /// <summary>The solution for an assignment and prices that the caller has proven optimal: derives the objective,
    /// customer prices, runner-ups and shadow prices.</summary>
    internal static AssignmentSolution Optimal(AssignmentProblem p, int[] repOf, long[] repPrice, long[] slotPrice, SolveStatistics statistics)
    {
        int n = p.CustomerCount, tiers = p.TierCount;
        var customerPrice = new long[n];
        var runnerUp = new int[n];
        var margin = new long[n];
        var starts = p.CandidateStart;
        var reps = p.CandidateRep;
        var costs = p.CandidateCost;
        var tierOf = p.CustomerTier;
        var load = new int[p.RepCount];
        var tierLoad = new int[p.RepCount * tiers];
        long objective = 0;
        for (int i = 0; i < n; i++)
        {
            int t = tierOf[i], at = repOf[i];
            bool free = !p.IsFixed(i);
            long price = at == Unassigned ? p.UnassignedCost[i] : long.MinValue;
            int second = NoAlternative;
            long secondCost = long.MaxValue;
            for (int a = starts[i]; a < starts[i + 1]; a++)
            {
                int r = reps[a];
                long c = costs[a] + slotPrice[r * tiers + t];
                if (r == at)
                {
                    price = c;
                    objective += costs[a];
                }
                else if (free && (c < secondCost || (c == secondCost && r < second)))
                {
                    secondCost = c;
                    second = r;
                }
            }
            if (at == Unassigned) objective += p.UnassignedCost[i];
            else
            {
                if (price == long.MinValue) throw new UnreachableException($"customer {i} sits at rep {at}, not one of its candidates");
                load[at]++;
                tierLoad[at * tiers + t]++;
                if (free && p.UnassignedCost[i] < secondCost)
                {
                    secondCost = p.UnassignedCost[i];
                    second = Unassigned;
                }
            }
            customerPrice[i] = price;
            runnerUp[i] = second;
            margin[i] = second == NoAlternative ? 0 : secondCost - price;
        }

        var repShadow = new long[p.RepCount];
        var tierShadow = new long[p.RepCount * tiers];
        for (int r = 0; r < p.RepCount; r++)
        {
            int cap = p.Capacity[r];
            objective += p.RepLoadCost(r).Total(load[r]);
            if (cap > 0 && load[r] == cap) repShadow[r] = Math.Max(0, repPrice[r] - p.RepLoadCost(r).Marginal(cap));
            for (int t = 0; t < tiers; t++)
            {
                int s = r * tiers + t, tierCap = p.TierCapacity(r, t);
                objective += p.TierLoadCost(r, t).Total(tierLoad[s]);
                if (tierCap > 0 && tierLoad[s] == tierCap)
                    tierShadow[s] = Math.Max(0, slotPrice[s] - repPrice[r] - p.TierLoadCost(r, t).Marginal(tierCap));
            }
        }
        Debug.Assert(p.Violations(repOf).Count == 0 && p.Cost(repOf) == objective);
        return new AssignmentSolution(AssignmentStatus.Optimal, null, tiers, repOf, objective, customerPrice,
            repPrice, slotPrice, repShadow, tierShadow, runnerUp, margin, statistics);
    }

    internal static AssignmentSolution Infeasible(AssignmentProblem p, string message)
    {
        int n = p.CustomerCount, slots = p.RepCount * p.TierCount;
        return new AssignmentSolution(AssignmentStatus.Infeasible, message, p.TierCount, Enumerable.Repeat(Unassigned, n).ToArray(),
            0, new long[n], new long[p.RepCount], new long[slots], new long[p.RepCount], new long[slots],
            Enumerable.Repeat(NoAlternative, n).ToArray(), new long[n], SolveStatistics.None);
    }
}
