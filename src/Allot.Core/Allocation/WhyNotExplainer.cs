using System.Globalization;

namespace Allot.Core.Allocation;

/// <summary>Answers "why not rep r for customer i?" exactly: what forcing the customer there would add to the optimal
/// objective, and which customers would move to make room.</summary>
/// <remarks>
/// <para>Forcing one unit onto arc e of an optimal flow x*: any optimal flow x' with that unit differs from x* by a
/// circulation in x*'s residual network, which splits into cycles; the one through e costs at least the cheapest
/// cycle through e, the others at least 0 (x* is optimal). And x* plus the cheapest cycle through e is feasible with
/// e used. So the change of the optimum is exactly c(e) plus the shortest path from e's head back to its tail: from
/// the forced rep's slot back to wherever the customer sits. (The customer's own moves leave from that end, so the
/// path never uses them.) The solution's prices make every residual arc's reduced cost non-negative, which is
/// checked, so Dijkstra finds that path.</para>
/// <para>The residual network of a customer's component is built on the first question about it and kept, so many
/// questions about one solution are cheap. Not thread-safe.</para>
/// </remarks>
public sealed class WhyNotExplainer
{
    private const int Sink = 0, Unassigned = 1;

    private readonly AssignmentProblem _p;
    private readonly AssignmentSolution _solution;
    private readonly List<Component> _components;
    private readonly int[] _componentOf;
    private readonly Dictionary<int, Residual> _residuals = [];

    /// <summary>Prepares to explain <paramref name="solution"/>, an optimal solution of <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentException">The solution is not optimal, or not of this problem.</exception>
    public WhyNotExplainer(AssignmentProblem problem, AssignmentSolution solution)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        if (solution.Status != AssignmentStatus.Optimal || solution.RepOf.Length != problem.CustomerCount)
            throw new ArgumentException("the solution is not an optimal solution of this problem", nameof(solution));
        _p = problem;
        _solution = solution;
        _components = Component.Split(problem);
        _componentOf = Enumerable.Repeat(-1, problem.CustomerCount).ToArray();
        for (int c = 0; c < _components.Count; c++)
            foreach (int i in _components[c].Customers) _componentOf[i] = c;
    }

    /// <summary>The exact change of the optimal objective if <paramref name="customer"/> had to go to
    /// <paramref name="rep"/> (or stay unassigned, for <see cref="AssignmentSolution.Unassigned"/>), with the chain
    /// of customers that would move.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A customer or rep out of range.</exception>
    /// <exception cref="ArgumentException">The solution's prices leave a residual arc of negative reduced cost in
    /// the customer's component: the solution is not optimal for this problem.</exception>
    public WhyNotAnswer WhyNot(int customer, int rep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(customer, _p.CustomerCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(rep, AssignmentSolution.Unassigned);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rep, _p.RepCount);
        int current = _solution.RepOf[customer];
        if (rep == current) return new(customer, rep, true, 0, [], $"customer {customer} is already {There(rep)}");
        if (_p.IsFixed(customer))
            return Impossible(customer, rep, $"customer {customer} is locked to rep {_p.FixedRep[customer]}");
        if (rep != AssignmentSolution.Unassigned && _p.ArcOf(customer, rep) < 0)
            return Impossible(customer, rep, $"{Name(rep)} is not one of customer {customer}'s candidates");

        // Here the customer has a candidate, so it belongs to a component.
        var residual = ResidualOf(_componentOf[customer]);
        var component = residual.Component;
        int reps = component.Reps.Length, tiers = _p.TierCount;
        int tier = _p.CustomerTier[customer];
        int from = rep == AssignmentSolution.Unassigned ? Unassigned : SlotNode(reps, tiers, Array.BinarySearch(component.Reps, rep), tier);
        int to = current == AssignmentSolution.Unassigned ? Unassigned : SlotNode(reps, tiers, Array.BinarySearch(component.Reps, current), tier);
        var (dist, predecessor) = ShortestPaths(residual.Arcs, residual.Price, from, to);
        if (dist is null) return Impossible(customer, rep, $"no sequence of moves frees a place for customer {customer} {There(rep)}");

        long change = Cost(customer, rep) - Cost(customer, current) + dist.Value + residual.Price[from] - residual.Price[to];
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
        var chain = new List<Relocation>(displaced.Count + 1) { new(customer, current, rep) };
        chain.AddRange(displaced);
        string moves = displaced.Count == 0 ? "no one else moves" : string.Join(", ", displaced.Select(m => $"customer {m.Customer} {Name(m.From)} → {Name(m.To)}"));
        return new(customer, rep, true, change, chain,
            string.Create(CultureInfo.InvariantCulture, $"forcing customer {customer} {There(rep)} raises the optimal objective by {change}; {moves}"));
    }

    private long Cost(int customer, int rep) =>
        rep == AssignmentSolution.Unassigned ? _p.UnassignedCost[customer] : _p.CandidateCost[_p.ArcOf(customer, rep)];

    private Residual ResidualOf(int c)
    {
        if (_residuals.TryGetValue(c, out var known)) return known;
        var component = _components[c];
        var local = component.Extract(_p, new int[_p.RepCount]);
        int reps = local.RepCount, tiers = local.TierCount, nodes = 2 + reps + reps * tiers;
        var localRepOf = new int[local.CustomerCount];
        for (int k = 0; k < localRepOf.Length; k++)
        {
            int r = _solution.RepOf[component.Customers[k]];
            localRepOf[k] = r == AssignmentSolution.Unassigned ? r : Array.BinarySearch(component.Reps, r);
        }
        var price = new long[nodes];
        for (int k = 0; k < reps; k++)
        {
            price[2 + k] = _solution.RepPrice[component.Reps[k]];
            for (int t = 0; t < tiers; t++) price[SlotNode(reps, tiers, k, t)] = _solution.SlotPrice(component.Reps[k], t);
        }
        var arcs = ResidualArcs(local, localRepOf);
        for (int v = 0; v < nodes; v++)
            foreach (var (w, cost, _) in arcs[v])
                if (cost - price[v] + price[w] < 0)
                    throw new ArgumentException("the solution's prices leave a residual arc of negative reduced cost: it is not optimal for this problem");
        return _residuals[c] = new Residual(component, arcs, price);
    }

    private static WhyNotAnswer Impossible(int customer, int rep, string reason) => new(customer, rep, false, 0, [], reason);

    private static string Name(int rep) => rep == AssignmentSolution.Unassigned ? "unassigned" : $"rep {rep}";

    private static string There(int rep) => rep == AssignmentSolution.Unassigned ? "unassigned" : $"at rep {rep}";

    private static int SlotNode(int reps, int tiers, int rep, int tier) => 2 + reps + rep * tiers + tier;

    /// <summary>The residual network of the assignment's flow, customers folded into moves between places (the
    /// cheapest per pair of places, ties to the lower customer).</summary>
    private static List<(int To, long Cost, int Customer)>[] ResidualArcs(AssignmentProblem p, int[] repOf)
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
            if (p.IsFixed(j)) continue;
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

    private static (long? Distance, (int From, int Customer)[] Predecessor) ShortestPaths(
        List<(int To, long Cost, int Customer)>[] arcs, long[] price, int from, int to)
    {
        int nodes = arcs.Length;
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

    /// <summary>A component's residual network: arcs by tail (head, cost, the moving customer or −1) and node prices
    /// (sink, unassigned, reps, slots).</summary>
    private sealed record Residual(Component Component, List<(int To, long Cost, int Customer)>[] Arcs, long[] Price);
}
