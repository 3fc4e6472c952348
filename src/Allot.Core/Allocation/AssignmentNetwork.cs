namespace Allot.Core.Allocation;

/// <summary>An <see cref="AssignmentProblem"/> written out as an explicit min-cost flow network whose minimum cost is
/// the problem's optimal objective exactly (no constant offset).</summary>
/// <remarks>
/// <para>Nodes: customers 0..N−1 (supply 1 each), then one slot per (rep, tier), one node per rep, the
/// "unassigned" node and the sink (demand N). Arcs, in this order: customer → slot(rep, tier of the customer) for
/// each candidate, capacity 1, its cost (numbered like the problem's candidate arcs); customer → unassigned,
/// capacity 1, its unassigned cost, for each customer that is not locked; slot → rep, one parallel arc per segment
/// of the tier load cost; rep → sink, one parallel arc per segment of the rep load cost; unassigned → sink,
/// cost 0. A locked customer's arcs to its other candidates get capacity 0 (kept so arc numbers match the
/// problem's).</para>
/// <para>A segment arc has the segment's slope as cost and the segment's length as capacity, cut at the capacity
/// (the tier or rep capacity, and no more than the customers that could come, so every bound is finite). Slopes
/// never decrease, so a min-cost flow fills a rep's segments cheapest first and pays exactly the load cost: the
/// expansion is exact. Unused slots and reps (no customer can come) get no arcs.</para>
/// </remarks>
public sealed class AssignmentNetwork
{
    private AssignmentNetwork(FlowNetwork network, int customerCount)
    {
        Network = network;
        CustomerCount = customerCount;
    }

    /// <summary>The network.</summary>
    public FlowNetwork Network { get; }

    /// <summary>Number of customers: arcs 0..CandidateCount−1 are the candidate arcs.</summary>
    public int CustomerCount { get; }

    /// <summary>Builds the network of a problem.</summary>
    public static AssignmentNetwork Build(AssignmentProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        int n = p.CustomerCount, reps = p.RepCount, tiers = p.TierCount;
        int slot0 = n, rep0 = n + reps * tiers, unassigned = rep0 + reps, sink = unassigned + 1;
        var network = new FlowNetwork(sink + 1);
        var starts = p.CandidateStart;
        var candidateRep = p.CandidateRep;
        var candidateCost = p.CandidateCost;
        var comers = new int[reps * tiers];
        for (int i = 0; i < n; i++)
        {
            network.SetSupply(i, 1);
            for (int a = starts[i]; a < starts[i + 1]; a++)
            {
                int r = candidateRep[a];
                bool open = !p.IsFixed(i) || p.FixedRep[i] == r;
                if (open) comers[r * tiers + p.CustomerTier[i]]++;
                network.AddArc(i, slot0 + r * tiers + p.CustomerTier[i], 0, open ? 1 : 0, candidateCost[a]);
            }
        }
        int free = 0;
        for (int i = 0; i < n; i++)
            if (!p.IsFixed(i))
            {
                network.AddArc(i, unassigned, 0, 1, p.UnassignedCost[i]);
                free++;
            }
        var repComers = new int[reps];
        for (int r = 0; r < reps; r++)
            for (int t = 0; t < tiers; t++)
            {
                int s = r * tiers + t;
                int cap = Math.Min(Math.Min(p.TierCapacity(r, t), p.Capacity[r]), comers[s]);
                repComers[r] += cap;
                AddSegments(network, slot0 + s, rep0 + r, p.TierLoadCost(r, t), cap);
            }
        for (int r = 0; r < reps; r++)
            AddSegments(network, rep0 + r, sink, p.RepLoadCost(r), Math.Min(p.Capacity[r], repComers[r]));
        if (free > 0) network.AddArc(unassigned, sink, 0, free, 0);
        network.SetSupply(sink, -n);
        return new AssignmentNetwork(network, n);
    }

    /// <summary>The rep of each customer in a flow of this network (−1: unassigned).</summary>
    public int[] RepOf(AssignmentProblem p, IReadOnlyList<long> flow)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(flow);
        var repOf = Enumerable.Repeat(AssignmentProblem.None, p.CustomerCount).ToArray();
        var starts = p.CandidateStart;
        for (int i = 0; i < p.CustomerCount; i++)
            for (int a = starts[i]; a < starts[i + 1]; a++)
                if (flow[a] > 0) repOf[i] = p.CandidateRep[a];
        return repOf;
    }

    private static void AddSegments(FlowNetwork network, int from, int to, LoadCost cost, int capacity)
    {
        int done = 0;
        for (int j = 0; done < capacity; j++)
        {
            int end = j < cost.SegmentEnds.Length ? Math.Min(cost.SegmentEnds[j], capacity) : capacity;
            network.AddArc(from, to, 0, end - done, cost.Slopes[j]);
            done = end;
        }
    }
}
