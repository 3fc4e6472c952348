using System.Diagnostics;

namespace Allot.Core.Allocation;

/// <summary>Successive shortest paths for one assignment problem (in practice one connected component), with
/// Dijkstra's algorithm run over the few rep-side nodes only.</summary>
/// <remarks>
/// <para>The flow network is customer → slot (rep, tier) → rep → sink, plus customer → unassigned → sink. Customers
/// are never graph nodes here: a placed customer j at place a (a rep, or "unassigned") with another option b gives
/// the residual path slot(a) → j → slot(b) of cost c(j,b) − c(j,a), the same whatever the potentials. For each
/// (tier, a, b) a <see cref="MoveHeap"/> keeps those moves by cost, so the cheapest move from a to b is one look-up
/// and Dijkstra sees a graph of (R + 1)·T + R + 2 nodes whatever the number of customers.</para>
/// <para>Customers are added one at a time (fixed ones first, then by index), each by a shortest path from the
/// customer to the sink in the residual network under reduced costs c(u,v) + π(u) − π(v) ≥ 0. After each search,
/// the nodes settled before the sink get π(v) += d(v) − d(sink); the others keep theirs (a constant shift of the
/// usual capped update), which keeps every reduced cost non-negative — also on the implicit customer nodes, whose
/// potentials never need to be stored. This is the textbook SSP invariant, so the final flow is a min-cost flow:
/// exact. When a customer's cheapest option leads straight to the sink at zero reduced cost, no search is needed.</para>
/// </remarks>
internal sealed class ComponentSolver
{
    private const long Inf = long.MaxValue;
    private const int Sink = 0, Unassigned = 1;
    private const int FromCustomer = -1, SlotToRep = -2, RepToSlot = -3, RepToSink = -4, UnassignedToSink = -5;

    private readonly AssignmentProblem _p;
    private readonly int _reps, _tiers, _places, _nodes;
    private readonly int[] _start, _candidateRep, _tierOf, _fixed;
    private readonly long[] _cost, _unassignedCost;

    private readonly long[] _pi;
    private readonly int[] _slotFlow, _repFlow, _slotCap;
    private readonly long[] _slotNext, _slotPrev, _repNext, _repPrev;
    private readonly int[] _at, _stamp;
    private readonly MoveHeap?[] _heaps;
    private readonly long[] _minKey;
    private readonly int[][] _adj;
    private readonly int[] _adjCount;

    private readonly long[] _dist;
    private readonly int[] _labelled, _settled, _predNode, _predInfo;
    private int _generation;
    private readonly NodeQueue _queue = new();
    private readonly List<int> _settledNodes = [];

    public ComponentSolver(AssignmentProblem problem)
    {
        _p = problem;
        _reps = problem.RepCount;
        _tiers = problem.TierCount;
        _places = _reps + 1;
        _nodes = 2 + _reps + _reps * _tiers;
        _start = problem.CandidateStart.ToArray();
        _candidateRep = problem.CandidateRep.ToArray();
        _cost = problem.CandidateCost.ToArray();
        _unassignedCost = problem.UnassignedCost.ToArray();
        _tierOf = problem.CustomerTier.ToArray();
        _fixed = problem.FixedRep.ToArray();
        int n = problem.CustomerCount;

        _pi = new long[_nodes];
        _slotFlow = new int[_reps * _tiers];
        _slotCap = problem.TierCapacityArray;
        _repFlow = new int[_reps];
        _slotNext = new long[_reps * _tiers];
        _slotPrev = new long[_reps * _tiers];
        _repNext = new long[_reps];
        _repPrev = new long[_reps];
        _at = new int[n];
        Array.Fill(_at, -1);
        _stamp = new int[n];
        _heaps = new MoveHeap?[_tiers * _places * _places];
        _minKey = new long[_heaps.Length];
        Array.Fill(_minKey, Inf);
        _adj = new int[_tiers * _places][];
        _adjCount = new int[_tiers * _places];

        _dist = new long[_nodes];
        _labelled = new int[_nodes];
        _settled = new int[_nodes];
        _predNode = new int[_nodes];
        _predInfo = new int[_nodes];

        for (int s = 0; s < _slotFlow.Length; s++) RefreshSlot(s);
        for (int r = 0; r < _reps; r++) RefreshRep(r);
        // Potentials making every arc of the empty network non-negative: slots 0, a rep at most the cheapest first
        // account of its slots, the sink at most every rep's first account.
        long sinkPi = 0;
        for (int r = 0; r < _reps; r++)
        {
            long repPi = 0;
            for (int t = 0; t < _tiers; t++)
                if (_slotNext[r * _tiers + t] != Inf) repPi = Math.Min(repPi, _slotNext[r * _tiers + t]);
            _pi[RepNode(r)] = repPi;
            if (_repNext[r] != Inf) sinkPi = Math.Min(sinkPi, repPi + _repNext[r]);
        }
        _pi[Sink] = sinkPi;
    }

    public long Augmentations { get; private set; }

    public long Searches { get; private set; }

    public long Relocations { get; private set; }

    public long SettledNodes { get; private set; }

    /// <summary>Places every customer. False if some locked customer cannot be placed (the problem is infeasible).</summary>
    public bool Run(CancellationToken cancellationToken)
    {
        int n = _at.Length;
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < n; i++)
            {
                if ((_fixed[i] != AssignmentProblem.None) != (pass == 0)) continue;
                if ((Augmentations & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (!Add(i)) return false;
            }
        return true;
    }

    /// <summary>The rep of each customer (−1: unassigned).</summary>
    public int[] RepOf() => [.. _at.Select(a => a == _reps ? AssignmentProblem.None : a)];

    /// <summary>Node prices λ(v) = π(sink) − π(v): the cost to reach the sink from v at the optimum. The
    /// unassigned node is raised to 0 when nobody is unassigned (still a valid dual; see the remarks of
    /// <see cref="AssignmentSolution.SlotPrice"/>).</summary>
    public (long[] RepPrice, long[] SlotPrice) Prices()
    {
        var repPrice = new long[_reps];
        var slotPrice = new long[_reps * _tiers];
        for (int r = 0; r < _reps; r++)
        {
            repPrice[r] = _pi[Sink] - _pi[RepNode(r)];
            for (int t = 0; t < _tiers; t++) slotPrice[r * _tiers + t] = _pi[Sink] - _pi[SlotNode(r, t)];
        }
        Debug.Assert(_pi[Sink] - _pi[Unassigned] <= 0);
        return (repPrice, slotPrice);
    }

    private int RepNode(int r) => 2 + r;

    private int SlotNode(int r, int t) => 2 + _reps + r * _tiers + t;

    private bool Add(int i)
    {
        Augmentations++;
        int t = _tierOf[i];
        bool locked = _fixed[i] != AssignmentProblem.None;

        // Fast path: when an option of least label leads straight to the sink at zero reduced cost, that is a
        // shortest path, and a search would settle only nodes at that same distance (no potential would change).
        long best = locked ? Inf : _unassignedCost[i] - _pi[Unassigned];
        for (int a = _start[i]; a < _start[i + 1]; a++)
        {
            int r = _candidateRep[a];
            if (!locked || r == _fixed[i]) best = Math.Min(best, _cost[a] - _pi[SlotNode(r, t)]);
        }
        if (!locked && _unassignedCost[i] - _pi[Unassigned] == best && _pi[Unassigned] == _pi[Sink])
        {
            Place(i, _reps);
            return true;
        }
        int straight = -1;
        for (int a = _start[i]; a < _start[i + 1]; a++)
        {
            int r = _candidateRep[a];
            if ((!locked || r == _fixed[i]) && (straight < 0 || r < straight)
                && _cost[a] - _pi[SlotNode(r, t)] == best && StraightToSink(r, t))
                straight = r;
        }
        if (straight < 0) return Search(i);
        Place(i, straight);
        int s = straight * _tiers + t;
        _slotFlow[s]++;
        RefreshSlot(s);
        _repFlow[straight]++;
        RefreshRep(straight);
        return true;
    }

    private bool StraightToSink(int r, int t)
    {
        int s = r * _tiers + t;
        return _slotNext[s] != Inf && _repNext[r] != Inf
            && _slotNext[s] + _pi[SlotNode(r, t)] - _pi[RepNode(r)] == 0
            && _repNext[r] + _pi[RepNode(r)] - _pi[Sink] == 0;
    }

    private bool Search(int i)
    {
        Searches++;
        _generation++;
        _queue.Clear();
        _settledNodes.Clear();
        int t = _tierOf[i];
        bool locked = _fixed[i] != AssignmentProblem.None;
        if (!locked) Label(Unassigned, _unassignedCost[i] - _pi[Unassigned], FromCustomer, _reps);
        for (int a = _start[i]; a < _start[i + 1]; a++)
        {
            int r = _candidateRep[a];
            if (locked && r != _fixed[i]) continue;
            Label(SlotNode(r, t), _cost[a] - _pi[SlotNode(r, t)], FromCustomer, r);
        }

        while (_queue.Count > 0)
        {
            var (d, v) = _queue.Pop();
            if (_settled[v] == _generation || d != _dist[v]) continue;
            _settled[v] = _generation;
            _settledNodes.Add(v);
            if (v == Sink) break;
            if (v == Unassigned) RelaxUnassigned(d);
            else if (v < 2 + _reps) RelaxRep(v - 2, d);
            else RelaxSlot((v - 2 - _reps) / _tiers, (v - 2 - _reps) % _tiers, d);
        }
        SettledNodes += _settledNodes.Count;
        if (_settled[Sink] != _generation) return false;

        long dSink = _dist[Sink];
        foreach (int v in _settledNodes) _pi[v] += _dist[v] - dSink;
        ApplyPath(i);
        return true;
    }

    private void Label(int node, long distance, int fromNode, int info)
    {
        if (_settled[node] == _generation) return;
        if (_labelled[node] == _generation && distance >= _dist[node]) return;
        _labelled[node] = _generation;
        _dist[node] = distance;
        _predNode[node] = fromNode;
        _predInfo[node] = info;
        _queue.Push(distance, node);
    }

    private void RelaxSlot(int r, int t, long d)
    {
        int v = SlotNode(r, t);
        long piV = _pi[v];
        int s = r * _tiers + t;
        if (_slotNext[s] != Inf)
            Label(RepNode(r), Reduced(d, _slotNext[s], piV, RepNode(r)), v, SlotToRep);
        RelaxMoves(t, r, v, d, piV);
    }

    private void RelaxUnassigned(long d)
    {
        long piV = _pi[Unassigned];
        Label(Sink, Reduced(d, 0, piV, Sink), Unassigned, UnassignedToSink);
        for (int t = 0; t < _tiers; t++) RelaxMoves(t, _reps, Unassigned, d, piV);
    }

    private void RelaxRep(int r, long d)
    {
        int v = RepNode(r);
        long piV = _pi[v];
        if (_repNext[r] != Inf) Label(Sink, Reduced(d, _repNext[r], piV, Sink), v, RepToSink);
        for (int t = 0; t < _tiers; t++)
        {
            int s = r * _tiers + t;
            if (_slotPrev[s] != Inf) Label(SlotNode(r, t), Reduced(d, -_slotPrev[s], piV, SlotNode(r, t)), v, RepToSlot);
        }
    }

    private void RelaxMoves(int t, int from, int v, long d, long piV)
    {
        int row = t * _places + from;
        int[]? targets = _adj[row];
        if (targets is null) return;
        int baseIndex = row * _places;
        for (int k = 0, count = _adjCount[row]; k < count; k++)
        {
            int b = targets[k];
            long key = _minKey[baseIndex + b];
            if (key == Inf) continue;
            int w = b == _reps ? Unassigned : SlotNode(b, t);
            Label(w, Reduced(d, key, piV, w), v, baseIndex + b);
        }
    }

    private long Reduced(long d, long cost, long piFrom, int to)
    {
        long reduced = cost + piFrom - _pi[to];
        Debug.Assert(reduced >= 0, "negative reduced cost: the potentials lost their invariant");
        return d + reduced;
    }

    private readonly List<(int Node, int From, int Info, int Customer)> _path = [];

    private void ApplyPath(int i)
    {
        _path.Clear();
        for (int v = Sink; v != FromCustomer; v = _predNode[v])
        {
            int info = _predInfo[v];
            int customer = _predNode[v] != FromCustomer && info >= 0 ? _heaps[info]!.Top.Customer : -1;
            _path.Add((v, _predNode[v], info, customer));
        }
        foreach (var (node, from, info, customer) in _path)
        {
            if (from == FromCustomer)
            {
                Place(i, info);
                continue;
            }
            switch (info)
            {
                case SlotToRep:
                    {
                        int s = from - 2 - _reps;
                        _slotFlow[s]++;
                        RefreshSlot(s);
                        break;
                    }
                case RepToSlot:
                    {
                        int s = node - 2 - _reps;
                        _slotFlow[s]--;
                        RefreshSlot(s);
                        break;
                    }
                case RepToSink:
                    _repFlow[from - 2]++;
                    RefreshRep(from - 2);
                    break;
                case UnassignedToSink:
                    break;
                default:
                    Relocate(customer, info % _places);
                    break;
            }
        }
    }

    /// <summary>Puts a customer that has no place yet at <paramref name="place"/> (a rep, or <c>_reps</c> for
    /// unassigned) and files its possible moves.</summary>
    private void Place(int i, int place)
    {
        _at[i] = place;
        FileMoves(i, place);
    }

    private void Relocate(int j, int to)
    {
        Relocations++;
        int from = _at[j];
        int t = _tierOf[j];
        _stamp[j]++;
        _at[j] = to;
        int baseIndex = (t * _places + from) * _places;
        for (int a = _start[j] - 1; a < _start[j + 1]; a++)
        {
            int place = a < _start[j] ? _reps : _candidateRep[a];
            if (place == from) continue;
            var heap = _heaps[baseIndex + place]!;
            if (heap.Top.Customer == j) _minKey[baseIndex + place] = heap.CleanTop(_stamp);
        }
        FileMoves(j, to);
    }

    /// <summary>Files the moves of customer <paramref name="j"/>, now at <paramref name="at"/>, to each of its other
    /// options (unassigned included); a locked customer has none.</summary>
    private void FileMoves(int j, int at)
    {
        if (_fixed[j] != AssignmentProblem.None) return;
        int t = _tierOf[j];
        int row = t * _places + at;
        int baseIndex = row * _places;
        long here = at == _reps ? _unassignedCost[j] : _cost[ArcIndex(j, at)];
        int stamp = _stamp[j];
        for (int a = _start[j] - 1; a < _start[j + 1]; a++)
        {
            int place = a < _start[j] ? _reps : _candidateRep[a];
            if (place == at) continue;
            long key = (a < _start[j] ? _unassignedCost[j] : _cost[a]) - here;
            int h = baseIndex + place;
            var heap = _heaps[h];
            if (heap is null)
            {
                heap = _heaps[h] = new MoveHeap();
                if (_adj[row] is null) _adj[row] = new int[4];
                else if (_adjCount[row] == _adj[row].Length) Array.Resize(ref _adj[row], _adj[row].Length * 2);
                _adj[row][_adjCount[row]++] = place;
            }
            heap.Push(key, j, stamp);
            if (key < _minKey[h]) _minKey[h] = key;
        }
    }

    private int ArcIndex(int j, int rep)
    {
        for (int a = _start[j]; a < _start[j + 1]; a++)
            if (_candidateRep[a] == rep) return a;
        throw new UnreachableException($"customer {j} has no arc to rep {rep}");
    }

    private void RefreshSlot(int s)
    {
        int f = _slotFlow[s];
        var cost = _p.TierLoadCostArray[s];
        _slotNext[s] = f < _slotCap[s] ? cost.Marginal(f + 1) : Inf;
        _slotPrev[s] = f > 0 ? cost.Marginal(f) : Inf;
    }

    private void RefreshRep(int r)
    {
        int g = _repFlow[r];
        var cost = _p.RepLoadCostArray[r];
        _repNext[r] = g < _p.Capacity[r] ? cost.Marginal(g + 1) : Inf;
        _repPrev[r] = g > 0 ? cost.Marginal(g) : Inf;
    }
}
