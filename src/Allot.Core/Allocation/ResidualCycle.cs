using System.Globalization;

namespace Allot.Core.Allocation;

/// <summary>Answers "why not rep r for customer i?" by the cheapest cycle through the arc i → r in the residual
/// network of an optimal flow.</summary>
/// <remarks>
/// Forcing one unit onto arc e of an optimal flow x*: any optimal flow x' with that unit differs from x* by a
/// circulation in x*'s residual network, which splits into cycles; the one through e costs at least the cheapest
/// cycle through e, the others at least 0 (x* is optimal). And x* plus the cheapest cycle through e is feasible with
/// e used. So the change of the optimum is exactly c(e) plus the shortest path from e's head back to its tail, here
/// from the forced rep's slot back to wherever the customer sits, avoiding the customer itself. The solution's prices
/// make every residual arc's reduced cost non-negative, so Dijkstra finds that path.
/// </remarks>
internal static class ResidualCycle
{
    private const int Sink = 0, Unassigned = 1;

    public static WhyNotAnswer WhyNot(AssignmentProblem p, AssignmentSolution solution, int customer, int rep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(customer, p.CustomerCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(rep, AssignmentSolution.Unassigned);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rep, p.RepCount);
        if (solution.Status != AssignmentStatus.Optimal || solution.RepOf.Length != p.CustomerCount)
            throw new ArgumentException("the solution is not an optimal solution of this problem", nameof(solution));

        int current = solution.RepOf[customer];
        string there = Name(rep);
        if (rep == current) return new(customer, rep, true, 0, [], $"customer {customer} is already {There(rep)}");
        if (p.IsFixed(customer))
            return Impossible(customer, rep, $"customer {customer} is locked to rep {p.FixedRep[customer]}");
        if (rep != AssignmentSolution.Unassigned && p.ArcOf(customer, rep) < 0)
            return Impossible(customer, rep, $"{there} is not one of customer {customer}'s candidates");

        var component = Component.Split(p).First(c => Array.BinarySearch(c.Customers, customer) >= 0);
        var local = component.Extract(p, new int[p.RepCount]);
        int reps = local.RepCount, tiers = local.TierCount, nodes = 2 + reps + reps * tiers;
        int me = Array.BinarySearch(component.Customers, customer);
        var localRepOf = new int[local.CustomerCount];
        for (int k = 0; k < localRepOf.Length; k++)
        {
            int r = solution.RepOf[component.Customers[k]];
            localRepOf[k] = r == AssignmentSolution.Unassigned ? r : Array.BinarySearch(component.Reps, r);
        }
        var price = new long[nodes];
        for (int k = 0; k < reps; k++)
        {
            price[2 + k] = solution.RepPrice[component.Reps[k]];
            for (int t = 0; t < tiers; t++) price[SlotNode(reps, tiers, k, t)] = solution.SlotPrice(component.Reps[k], t);
        }

        var arcs = ResidualArcs(local, localRepOf, me);
        for (int v = 0; v < nodes; v++)
            foreach (var (w, cost, _) in arcs[v])
                if (cost - price[v] + price[w] < 0)
                    throw new ArgumentException("the solution's prices leave a residual arc of negative reduced cost: it is not optimal for this problem", nameof(solution));
        int tier = local.CustomerTier[me];
        int from = rep == AssignmentSolution.Unassigned ? Unassigned : SlotNode(reps, tiers, Array.BinarySearch(component.Reps, rep), tier);
        int to = current == AssignmentSolution.Unassigned ? Unassigned : SlotNode(reps, tiers, localRepOf[me], tier);
        var (dist, predecessor) = ShortestPaths(nodes, arcs, price, from, to);
        if (dist is null) return Impossible(customer, rep, $"no sequence of moves frees a place for customer {customer} {There(rep)}");

        long forced = rep == AssignmentSolution.Unassigned ? p.UnassignedCost[customer] : p.CostsOf(customer)[p.ArcOf(customer, rep) - p.CandidateStart[customer]];
        long now = current == AssignmentSolution.Unassigned ? p.UnassignedCost[customer] : p.CostsOf(customer)[p.ArcOf(customer, current) - p.CandidateStart[customer]];
        long change = forced - now + dist.Value + price[from] - price[to];

        var chain = new List<Relocation> { new(customer, current, rep) };
        var displaced = new List<Relocation>();
        for (int v = to; v != from; v = predecessor[v].From)
        {
            var (prev, j) = predecessor[v];
            if (j < 0) continue;
            int fromRep = prev == Unassigned ? AssignmentSolution.Unassigned : component.Reps[(prev - 2 - reps) / tiers];
            int toRep = v == Unassigned ? AssignmentSolution.Unassigned : component.Reps[(v - 2 - reps) / tiers];
            displaced.Add(new Relocation(component.Customers[j], fromRep, toRep));
        }
        displaced.Reverse();
        chain.AddRange(displaced);
        string moves = displaced.Count == 0 ? "no one else moves" : string.Join(", ", displaced.Select(m => $"customer {m.Customer} {Name(m.From)} → {Name(m.To)}"));
        return new(customer, rep, true, change, chain,
            string.Create(CultureInfo.InvariantCulture, $"forcing customer {customer} {There(rep)} raises the optimal objective by {change}; {moves}"));
    }

    private static WhyNotAnswer Impossible(int customer, int rep, string reason) => new(customer, rep, false, 0, [], reason);

    private static string Name(int rep) => rep == AssignmentSolution.Unassigned ? "unassigned" : $"rep {rep}";

    private static string There(int rep) => rep == AssignmentSolution.Unassigned ? "unassigned" : $"at rep {rep}";

    private static int SlotNode(int reps, int tiers, int rep, int tier) => 2 + reps + rep * tiers + tier;

    /// <summary>The residual network of the assignment's flow, customers folded into moves between places (the
    /// cheapest per pair of places, ties to the lower customer), without customer <paramref name="skip"/>'s moves.</summary>
    private static List<(int To, long Cost, int Customer)>[] ResidualArcs(AssignmentProblem p, int[] repOf, int skip)
    {
        int reps = p.RepCount, tiers = p.TierCount, nodes = 2 + reps + reps * tiers;
        var load = new int[reps];
        var tierLoad = new int[reps * tiers];
        int unassigned = 0;
        for (int i = 0; i < p.CustomerCount; i++)
        {
            if (repOf[i] == AssignmentSolution.Unassigned) unassigned++;
            else
            {
                load[repOf[i]]++;
                tierLoad[repOf[i] * tiers + p.CustomerTier[i]]++;
            }
        }
        var arcs = new List<(int To, long Cost, int Customer)>[nodes];
        for (int v = 0; v < nodes; v++) arcs[v] = [];
        arcs[Unassigned].Add((Sink, 0, -1));
        if (unassigned > 0) arcs[Sink].Add((Unassigned, 0, -1));
        for (int r = 0; r < reps; r++)
        {
            var repCost = p.RepLoadCost(r);
            if (load[r] < p.Capacity[r]) arcs[2 + r].Add((Sink, repCost.Marginal(load[r] + 1), -1));
            if (load[r] > 0) arcs[Sink].Add((2 + r, -repCost.Marginal(load[r]), -1));
            for (int t = 0; t < tiers; t++)
            {
                int slot = SlotNode(reps, tiers, r, t), f = tierLoad[r * tiers + t];
                var tierCost = p.TierLoadCost(r, t);
                if (f < p.TierCapacity(r, t)) arcs[slot].Add((2 + r, tierCost.Marginal(f + 1), -1));
                if (f > 0) arcs[2 + r].Add((slot, -tierCost.Marginal(f), -1));
            }
        }

        var cheapest = new Dictionary<(int From, int To), (long Cost, int Customer)>();
        for (int j = 0; j < p.CustomerCount; j++)
        {
            if (j == skip || p.IsFixed(j)) continue;
            int t = p.CustomerTier[j], at = repOf[j];
            int here = at == AssignmentSolution.Unassigned ? Unassigned : SlotNode(reps, tiers, at, t);
            var repsOf = p.RepsOf(j);
            var costs = p.CostsOf(j);
            long hereCost = at == AssignmentSolution.Unassigned ? p.UnassignedCost[j] : costs[repsOf.IndexOf(at)];
            if (at != AssignmentSolution.Unassigned) Offer(cheapest, here, Unassigned, p.UnassignedCost[j] - hereCost, j);
            for (int a = 0; a < repsOf.Length; a++)
                if (repsOf[a] != at) Offer(cheapest, here, SlotNode(reps, tiers, repsOf[a], t), costs[a] - hereCost, j);
        }
        foreach (var ((from, to), (cost, j)) in cheapest) arcs[from].Add((to, cost, j));
        return arcs;
    }

    private static void Offer(Dictionary<(int, int), (long Cost, int Customer)> cheapest, int from, int to, long cost, int customer)
    {
        if (!cheapest.TryGetValue((from, to), out var known) || cost < known.Cost || (cost == known.Cost && customer < known.Customer))
            cheapest[(from, to)] = (cost, customer);
    }

    private static (long? Distance, (int From, int Customer)[] Predecessor) ShortestPaths(int nodes,
        List<(int To, long Cost, int Customer)>[] arcs, long[] price, int from, int to)
    {
        var dist = new long[nodes];
        Array.Fill(dist, long.MaxValue);
        var done = new bool[nodes];
        var predecessor = new (int From, int Customer)[nodes];
        var queue = new NodeQueue();
        dist[from] = 0;
        queue.Push(0, from);
        while (queue.Count > 0)
        {
            var (d, v) = queue.Pop();
            if (done[v] || d != dist[v]) continue;
            done[v] = true;
            if (v == to) return (d, predecessor);
            foreach (var (w, cost, customer) in arcs[v])
            {
                long reduced = cost - price[v] + price[w];
                if (!done[w] && d + reduced < dist[w])
                {
                    dist[w] = d + reduced;
                    predecessor[w] = (v, customer);
                    queue.Push(dist[w], w);
                }
            }
        }
        return (null, predecessor);
    }
}
