namespace Allot.Core.Allocation;

/// <summary>A general min-cost flow solver: successive shortest paths with potentials (Dijkstra on reduced costs).</summary>
/// <remarks>
/// Straightforward and general — any network, negative costs, lower bounds, parallel arcs — and kept apart from the
/// assignment solver on purpose: the tests use it as a second, independent computation of the same optimum. Lower
/// bounds are shifted out; negative-cost arcs start saturated, so every residual arc has a non-negative cost and
/// potentials 0 are valid; then each unit of excess travels along a shortest path to the nearest node short of
/// flow, and potentials are updated by the (capped) distances. Time is O(total supply · arcs · log nodes): for tests
/// and exports, not for whole books (that is <see cref="AssignmentSolver"/>).
/// </remarks>
public static class MinCostFlow
{
    /// <summary>Finds a min-cost flow meeting every supply within the arc bounds.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static FlowSolution Solve(FlowNetwork network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.NodeCount, m = network.ArcCount;
        var excess = new long[n];
        long total = 0;
        for (int v = 0; v < n; v++)
        {
            excess[v] = network.Supply(v);
            total += excess[v];
        }
        if (total != 0) return new FlowSolution(false, 0, [], []);

        // Residual arcs 2a (forward) and 2a+1 (backward), flow measured above the lower bound.
        var head = new int[2 * m];
        var residual = new long[2 * m];
        var cost = new long[2 * m];
        var degree = new int[n + 1];
        for (int a = 0; a < m; a++)
        {
            int from = network.From(a), to = network.To(a);
            long lower = network.Lower(a), room = network.Upper(a) - lower, c = network.Cost(a);
            excess[from] -= lower;
            excess[to] += lower;
            head[2 * a] = to;
            head[2 * a + 1] = from;
            cost[2 * a] = c;
            cost[2 * a + 1] = -c;
            residual[2 * a] = room;
            if (c < 0)
            {
                residual[2 * a] = 0;
                residual[2 * a + 1] = room;
                excess[from] -= room;
                excess[to] += room;
            }
            degree[from + 1]++;
            degree[to + 1]++;
        }
        for (int v = 0; v < n; v++) degree[v + 1] += degree[v];
        var adjacency = new int[2 * m];
        var fill = degree[..n];
        for (int a = 0; a < m; a++)
        {
            adjacency[fill[network.From(a)]++] = 2 * a;
            adjacency[fill[network.To(a)]++] = 2 * a + 1;
        }

        var pi = new long[n];
        var dist = new long[n];
        var settled = new bool[n];
        var viaArc = new int[n];
        var order = new List<int>();
        var queue = new NodeQueue();
        for (int source = 0; source < n; source++)
            while (excess[source] > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Array.Fill(dist, long.MaxValue);
                Array.Fill(settled, false);
                order.Clear();
                queue.Clear();
                dist[source] = 0;
                viaArc[source] = -1;
                queue.Push(0, source);
                int target = -1;
                while (queue.Count > 0)
                {
                    var (d, v) = queue.Pop();
                    if (settled[v] || d != dist[v]) continue;
                    settled[v] = true;
                    order.Add(v);
                    if (excess[v] < 0)
                    {
                        target = v;
                        break;
                    }
                    for (int k = degree[v]; k < degree[v + 1]; k++)
                    {
                        int e = adjacency[k];
                        if (residual[e] == 0) continue;
                        int w = head[e];
                        long nd = d + cost[e] + pi[v] - pi[w];
                        if (!settled[w] && nd < dist[w])
                        {
                            dist[w] = nd;
                            viaArc[w] = e;
                            queue.Push(nd, w);
                        }
                    }
                }
                if (target < 0) return new FlowSolution(false, 0, [], []);

                long reach = dist[target];
                foreach (int v in order) pi[v] += dist[v] - reach;
                long delta = Math.Min(excess[source], -excess[target]);
                for (int v = target; v != source; v = head[viaArc[v] ^ 1]) delta = Math.Min(delta, residual[viaArc[v]]);
                for (int v = target; v != source; v = head[viaArc[v] ^ 1])
                {
                    residual[viaArc[v]] -= delta;
                    residual[viaArc[v] ^ 1] += delta;
                }
                excess[source] -= delta;
                excess[target] += delta;
            }

        var flow = new long[m];
        long objective = 0;
        for (int a = 0; a < m; a++)
        {
            flow[a] = network.Lower(a) + residual[2 * a + 1];
            objective += flow[a] * network.Cost(a);
        }
        return new FlowSolution(true, objective, flow, pi);
    }
}
