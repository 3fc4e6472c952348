namespace Allot.Core.Allocation;

/// <summary>The allocation rules CRMs ship with, on the same problem, to measure what optimising is worth.</summary>
/// <remarks>Both place locked customers first at their reps, respect every capacity and only use candidate reps,
/// and return the rep of each customer (−1: unassigned); <see cref="AssignmentProblem.Cost"/> gives the objective.</remarks>
public static class Baselines
{
    /// <summary>Greedy by priority (Odoo style): customers by descending priority (ties by index), each to the
    /// candidate rep with room where it adds least to the objective (its cost plus the next tier and rep load
    /// costs; ties to the lower rep); unassigned only when no candidate has room.</summary>
    /// <exception cref="ArgumentException">Wrong number of priorities, or locked customers over a capacity.</exception>
    public static int[] Greedy(AssignmentProblem problem, ReadOnlySpan<long> priority)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (priority.Length != problem.CustomerCount) throw new ArgumentException("one priority per customer", nameof(priority));
        // Sorting (~priority, index) pairs: descending priority (~x = −x − 1 never overflows), ties by index.
        var order = new (long Key, int Customer)[problem.CustomerCount];
        for (int i = 0; i < order.Length; i++) order[i] = (~priority[i], i);
        Array.Sort(order);
        var state = new Loads(problem);
        var reps = problem.CandidateRep;
        var costs = problem.CandidateCost;
        var starts = problem.CandidateStart;
        foreach (var (_, i) in order)
        {
            if (problem.IsFixed(i)) continue;
            int best = AssignmentProblem.None;
            long bestCost = long.MaxValue;
            for (int a = starts[i]; a < starts[i + 1]; a++)
            {
                int r = reps[a];
                if (!state.HasRoom(r, problem.CustomerTier[i])) continue;
                long c = costs[a] + state.NextLoadCost(r, problem.CustomerTier[i]);
                if (c < bestCost || (c == bestCost && r < best))
                {
                    bestCost = c;
                    best = r;
                }
            }
            if (best != AssignmentProblem.None) state.Assign(i, best);
        }
        return state.RepOf;
    }

    /// <summary>Round robin (Zoho / HubSpot style): customers in index order, each to the next rep in rep order after
    /// the last one served that is a candidate and has room; unassigned when none has.</summary>
    /// <exception cref="ArgumentException">Locked customers over a capacity.</exception>
    public static int[] RoundRobin(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var state = new Loads(problem);
        var reps = problem.CandidateRep;
        var starts = problem.CandidateStart;
        int next = 0, count = problem.RepCount;
        for (int i = 0; i < problem.CustomerCount; i++)
        {
            if (problem.IsFixed(i)) continue;
            int best = AssignmentProblem.None, bestGap = int.MaxValue;
            for (int a = starts[i]; a < starts[i + 1]; a++)
            {
                int r = reps[a];
                int gap = (r - next + count) % count;
                if (gap < bestGap && state.HasRoom(r, problem.CustomerTier[i]))
                {
                    bestGap = gap;
                    best = r;
                }
            }
            if (best == AssignmentProblem.None) continue;
            state.Assign(i, best);
            next = (best + 1) % count;
        }
        return state.RepOf;
    }

    /// <summary>Loads as customers are placed, locked customers already in.</summary>
    private sealed class Loads
    {
        private readonly AssignmentProblem _p;
        private readonly int[] _load, _tierLoad;

        public Loads(AssignmentProblem p)
        {
            _p = p;
            _load = new int[p.RepCount];
            _tierLoad = new int[p.RepCount * p.TierCount];
            RepOf = Enumerable.Repeat(AssignmentProblem.None, p.CustomerCount).ToArray();
            for (int i = 0; i < p.CustomerCount; i++)
                if (p.IsFixed(i))
                {
                    int r = p.FixedRep[i];
                    if (!HasRoom(r, p.CustomerTier[i]))
                        throw new ArgumentException($"locked customers exceed rep {r}'s capacity", nameof(p));
                    Assign(i, r);
                }
        }

        public int[] RepOf { get; }

        public bool HasRoom(int r, int t) => _load[r] < _p.Capacity[r] && _tierLoad[_p.Slot(r, t)] < _p.TierCapacity(r, t);

        public long NextLoadCost(int r, int t) =>
            _p.TierLoadCost(r, t).Marginal(_tierLoad[_p.Slot(r, t)] + 1) + _p.RepLoadCost(r).Marginal(_load[r] + 1);

        public void Assign(int i, int r)
        {
            RepOf[i] = r;
            _load[r]++;
            _tierLoad[_p.Slot(r, _p.CustomerTier[i])]++;
        }
    }
}
