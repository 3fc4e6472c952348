using System.Diagnostics;

namespace Allot.Core.Allocation;

/// <summary>Successive shortest paths for one assignment problem (in practice one connected component), started from
/// given prices, with Dijkstra's algorithm run over the few rep-side nodes only.</summary>
/// <remarks>
/// <para>The flow network is customer → slot (rep, tier) → rep → sink, plus customer → unassigned → sink. Customers
/// are not graph nodes here: a placed customer j at place a (a rep, or "unassigned") with another option b gives the
/// residual path a → j → b of cost c(j,b) − c(j,a), whatever the potentials. The <see cref="MoveBook"/> keeps those
/// moves by cost for each (tier, a, b), so the cheapest move from a to b is one look-up and Dijkstra sees
/// (R + 1)·T + R + 2 nodes whatever the number of customers.</para>
/// <para>Start (a pseudoflow): node potentials π = −prices; every customer at its cheapest option under the prices;
/// every load arc at the load, nearest to what arrives, at which its price step lies between the marginal costs of
/// the last and the next account. Every residual arc then has a non-negative reduced cost c(u,v) + π(u) − π(v), for
/// any prices; nodes are left with excess or deficit. Then, repeatedly, a shortest path (Dijkstra on reduced costs)
/// from the nodes with excess (all at distance 0) to the nearest node with deficit carries as much as it can (one unit when a
/// customer moves, else up to the end of the cheapest load segments); the nodes settled before that deficit node get
/// π(v) += d(v) − d(target), which keeps every reduced cost non-negative — also on the implicit customer nodes, whose
/// potentials never need storing. This is the textbook SSP invariant: when no excess is left the flow is a min-cost
/// flow, exact whatever the start. Good prices (from a sample of the book) only make the excess, and the work, small.</para>
/// </remarks>
internal sealed partial class ComponentSolver
{
    private const long Inf = long.MaxValue;
    private const int Sink = 0, Unassigned = 1;
    private const int Source = -1, SlotToRep = -2, RepToSlot = -3, RepToSink = -4, SinkToRep = -5, UnassignedToSink = -6, SinkToUnassigned = -7;

    private readonly AssignmentProblem _problem;
    private readonly int[]? _previous;
    private readonly int _reps, _tiers, _places, _nodes, _customers;
    private readonly int[] _start, _candidateRep, _tierOf, _fixed;
    private readonly long[] _cost, _unassignedCost;
    private readonly LoadCost[] _slotCost, _repCost;
    private readonly int[] _slotCap, _repCap;

    private readonly long[] _pi, _excess;
    private readonly int[] _slotFlow, _repFlow;
    private int _unassignedFlow;
    private readonly long[] _slotNext, _slotPrev, _repNext, _repPrev;
    private readonly MoveBook _moves;

    private readonly long[] _dist;
    private readonly int[] _labelled, _settled, _predNode, _predInfo, _dead, _visited;
    private int _generation, _earlyTarget;
    private long _current;
    private readonly NodeQueue _queue = new();
    private readonly List<int> _settledNodes = [];
    private readonly List<(int Node, int From, int Info, int Customer)> _path = [];

    /// <param name="problem">The problem.</param>
    /// <param name="repPrice">Starting price of each rep (null: all 0).</param>
    /// <param name="slotPrice">Starting price of each slot, rep-major (null: all 0).</param>
    /// <param name="previous">A previous rep of each customer (−1: unassigned), kept where it is still one of the
    /// cheapest options under the prices (null: none).</param>
    public ComponentSolver(AssignmentProblem problem, long[]? repPrice, long[]? slotPrice, int[]? previous)
    {
        _previous = previous;
        _problem = problem;
        _reps = problem.RepCount;
        _tiers = problem.TierCount;
        _places = _reps + 1;
        _nodes = 2 + _reps + _reps * _tiers;
        _customers = problem.CustomerCount;
        _start = problem.CandidateStartArray;
        _candidateRep = problem.CandidateRepArray;
        _cost = problem.CandidateCostArray;
        _unassignedCost = problem.UnassignedCostArray;
        _tierOf = problem.CustomerTierArray;
        _fixed = problem.FixedRepArray;
        _slotCost = problem.TierLoadCostArray;
        _repCost = problem.RepLoadCostArray;

        // Capacities cut at what could arrive, so every flow is finite.
        _slotCap = new int[_reps * _tiers];
        for (int i = 0; i < _customers; i++)
            for (int a = _start[i]; a < _start[i + 1]; a++)
                if (_fixed[i] == AssignmentProblem.None || _fixed[i] == _candidateRep[a]) _slotCap[_candidateRep[a] * _tiers + _tierOf[i]]++;
        _repCap = new int[_reps];
        for (int r = 0; r < _reps; r++)
        {
            long sum = 0;
            for (int t = 0; t < _tiers; t++)
            {
                int s = r * _tiers + t;
                _slotCap[s] = Math.Min(_slotCap[s], problem.TierCapacity(r, t));
                sum += _slotCap[s];
            }
            _repCap[r] = (int)Math.Min(sum, problem.Capacity[r]);
        }

        _pi = new long[_nodes];
        _excess = new long[_nodes];
        for (int r = 0; r < _reps; r++)
        {
            _pi[RepNode(r)] = -(repPrice?[r] ?? 0);
            for (int t = 0; t < _tiers; t++) _pi[SlotNode(r, t)] = -(slotPrice?[r * _tiers + t] ?? 0);
        }
        _slotFlow = new int[_reps * _tiers];
        _repFlow = new int[_reps];
        _slotNext = new long[_reps * _tiers];
        _slotPrev = new long[_reps * _tiers];
        _repNext = new long[_reps];
        _repPrev = new long[_reps];
        _moves = new MoveBook(problem);

        _dist = new long[_nodes];
        _labelled = new int[_nodes];
        _settled = new int[_nodes];
        _predNode = new int[_nodes];
        _predInfo = new int[_nodes];
        _dead = new int[_nodes];
        _visited = new int[_nodes];
    }

    public long Augmentations { get; private set; }

    public long Searches { get; private set; }

    public long Relocations => _moves.Relocations;

    public long SettledNodes { get; private set; }

    /// <summary>Units of excess left by the start, before any search: a measure of how good the prices were.</summary>
    public long StartingExcess { get; private set; }

    /// <summary>Places every customer and balances the flow. False if some excess can reach no deficit (the problem
    /// is infeasible).</summary>
    public bool Run(CancellationToken cancellationToken)
    {
        Start();
        for (int v = 0; v < _nodes; v++) StartingExcess += Math.Max(0, _excess[v]);
        long remaining = StartingExcess;
        while (remaining > 0)
        {
            if ((Searches & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            long sent = Search();
            if (sent == 0) return false;
            remaining -= sent;
            // The search made its path's arcs tight (reduced cost 0); more units may follow such paths at no cost
            // to the potentials before the next search.
            if (remaining > 0) remaining -= AugmentAdmissible();
        }
        return true;
    }

    /// <summary>The rep of each customer (−1: unassigned).</summary>
    public int[] RepOf()
    {
        var repOf = new int[_customers];
        for (int i = 0; i < _customers; i++) repOf[i] = _moves.PlaceOf(i) == _reps ? AssignmentProblem.None : _moves.PlaceOf(i);
        return repOf;
    }

    /// <summary>Node prices λ(v) = π(sink) − π(v): what one more unit at v costs to the end at the optimum. The
    /// unassigned node's price is 0 (raised to 0 when nobody is unassigned, still a valid dual).</summary>
    /// <remarks>A load arc full only because every customer who could come has come has no forward residual arc
    /// here, but has one in the problem as stated (its capacity is larger); its price is lowered to the next
    /// account's cost, which keeps every other condition (nobody else can come) and makes the prices duals of the
    /// problem as stated.</remarks>
    public (long[] RepPrice, long[] SlotPrice) Prices()
    {
        var repPrice = new long[_reps];
        var slotPrice = new long[_reps * _tiers];
        for (int r = 0; r < _reps; r++)
        {
            repPrice[r] = _pi[Sink] - _pi[RepNode(r)];
            if (_repFlow[r] == _repCap[r] && _repCap[r] < _problem.Capacity[r])
                repPrice[r] = Math.Min(repPrice[r], _repCost[r].Marginal(_repFlow[r] + 1));
            for (int t = 0; t < _tiers; t++)
            {
                int s = r * _tiers + t;
                slotPrice[s] = _pi[Sink] - _pi[SlotNode(r, t)];
                if (_slotFlow[s] == _slotCap[s] && _slotCap[s] < _problem.TierCapacity(r, t))
                    slotPrice[s] = Math.Min(slotPrice[s], repPrice[r] + _slotCost[s].Marginal(_slotFlow[s] + 1));
            }
        }
        Debug.Assert(_pi[Sink] - _pi[Unassigned] <= 0);
        Debug.Assert(_unassignedFlow == 0 || _pi[Sink] == _pi[Unassigned]);
        return (repPrice, slotPrice);
    }

    private int RepNode(int r) => 2 + r;

    private int SlotNode(int r, int t) => 2 + _reps + r * _tiers + t;

    /// <summary>The starting pseudoflow: customers at their cheapest priced option, load arcs at the load nearest
    /// to their inflow that the prices allow, moves filed in bulk.</summary>
    private void Start()
    {
        // Unassigned and sink share a price (0) at the start, so the arc between them may carry anything.
        _pi[Unassigned] = _pi[Sink] = 0;
        var inflow = new int[_reps * _tiers];
        var places = new int[_customers];
        int unassigned = 0;
        for (int i = 0; i < _customers; i++)
        {
            int t = _tierOf[i], place;
            if (_fixed[i] != AssignmentProblem.None) place = _fixed[i];
            else
            {
                place = _reps;
                long best = _unassignedCost[i] - _pi[Unassigned];
                int before = _previous is null ? -2 : _previous[i] == AssignmentProblem.None ? _reps : _previous[i];
                bool keep = before == _reps;
                for (int a = _start[i]; a < _start[i + 1]; a++)
                {
                    int r = _candidateRep[a];
                    long priced = _cost[a] - _pi[SlotNode(r, t)];
                    if (priced < best || (priced == best && r < place))
                    {
                        keep = r == before || (priced == best && keep);
                        best = priced;
                        place = r;
                    }
                    else if (priced == best && r == before) keep = true;
                }
                // Among equally cheap options, the previous place wins: ties moved for nothing only make excess.
                if (keep) place = before;
            }
            places[i] = place;
            if (place == _reps) unassigned++;
            else inflow[place * _tiers + t]++;
        }
        _moves.PlaceAll(places);

        long total = 0;
        for (int r = 0; r < _reps; r++)
        {
            long sum = 0;
            for (int t = 0; t < _tiers; t++)
            {
                int s = r * _tiers + t;
                var (low, high) = _slotCost[s].LoadsAtPrice(_pi[RepNode(r)] - _pi[SlotNode(r, t)], _slotCap[s]);
                _slotFlow[s] = Math.Clamp(inflow[s], low, high);
                _excess[SlotNode(r, t)] = inflow[s] - _slotFlow[s];
                sum += _slotFlow[s];
                RefreshSlot(s);
            }
            var (lo, hi) = _repCost[r].LoadsAtPrice(_pi[Sink] - _pi[RepNode(r)], _repCap[r]);
            _repFlow[r] = (int)Math.Clamp(sum, lo, hi);
            _excess[RepNode(r)] = sum - _repFlow[r];
            total += _repFlow[r];
            RefreshRep(r);
        }
        _unassignedFlow = unassigned;
        _excess[Sink] = total + unassigned - _customers;
    }

    /// <summary>One shortest path from any node with excess (all start at distance 0) to the nearest node with
    /// deficit, and the augmentation along it; returns the units sent (0: no deficit reachable).</summary>
    private long Search()
    {
        Searches++;
        _generation++;
        _queue.Clear();
        _settledNodes.Clear();
        _earlyTarget = -1;
        _current = 0;
        for (int v = 0; v < _nodes; v++)
            if (_excess[v] > 0) Label(v, 0, Source, 0);
        int target = -1;
        while (_queue.Count > 0)
        {
            var (d, v) = _queue.Pop();
            if (_settled[v] == _generation || d != _dist[v]) continue;
            _settled[v] = _generation;
            _settledNodes.Add(v);
            if (_excess[v] < 0)
            {
                target = v;
                break;
            }
            _current = d;
            if (v == Sink) RelaxSink(d);
            else if (v == Unassigned) RelaxUnassigned(d);
            else if (v < 2 + _reps) RelaxRep(v - 2, d);
            else RelaxSlot((v - 2 - _reps) / _tiers, (v - 2 - _reps) % _tiers, d);
            if (_earlyTarget >= 0)
            {
                // A deficit node labelled at the distance being settled: nothing can be nearer, so stop now.
                target = _earlyTarget;
                _settled[target] = _generation;
                _settledNodes.Add(target);
                break;
            }
        }
        SettledNodes += _settledNodes.Count;
        if (target < 0) return 0;

        long reach = _dist[target];
        foreach (int v in _settledNodes) _pi[v] += _dist[v] - reach;
        return Augment(target);
    }

    private void Label(int node, long distance, int fromNode, int info)
    {
        if (_settled[node] == _generation) return;
        if (_labelled[node] == _generation && distance >= _dist[node]) return;
        _labelled[node] = _generation;
        _dist[node] = distance;
        _predNode[node] = fromNode;
        _predInfo[node] = info;
        if (distance == _current && _excess[node] < 0 && _earlyTarget < 0) _earlyTarget = node;
        else _queue.Push(distance, node);
    }

    private void RelaxSlot(int r, int t, long d)
    {
        int v = SlotNode(r, t);
        long piV = _pi[v];
        int s = r * _tiers + t;
        if (_slotNext[s] != Inf) Label(RepNode(r), Reduced(d, _slotNext[s], piV, RepNode(r)), v, SlotToRep);
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

    private void RelaxSink(long d)
    {
        long piV = _pi[Sink];
        if (_unassignedFlow > 0) Label(Unassigned, Reduced(d, 0, piV, Unassigned), Sink, SinkToUnassigned);
        for (int r = 0; r < _reps; r++)
            if (_repPrev[r] != Inf) Label(RepNode(r), Reduced(d, -_repPrev[r], piV, RepNode(r)), Sink, SinkToRep);
    }

    private void RelaxMoves(int t, int from, int v, long d, long piV)
    {
        int row = t * _places + from;
        foreach (int b in _moves.Targets(row))
        {
            int heap = row * _places + b;
            long key = _moves.CheapestMove(heap);
            if (key == Inf) continue;
            int w = b == _reps ? Unassigned : SlotNode(b, t);
            Label(w, Reduced(d, key, piV, w), v, heap);
        }
    }

    private long Reduced(long d, long cost, long piFrom, int to)
    {
        long reduced = cost + piFrom - _pi[to];
        Debug.Assert(reduced >= 0, "negative reduced cost: the potentials lost their invariant");
        return d + reduced;
    }

    /// <summary>Sends as much as the path allows from its source to <paramref name="target"/>: the excess and
    /// deficit, one unit if a customer moves, else up to the end of each load arc's current segment.</summary>
    private long Augment(int target)
    {
        _path.Clear();
        long delta = -_excess[target];
        int source = target;
        for (; _predNode[source] != Source; source = _predNode[source])
        {
            int from = _predNode[source], info = _predInfo[source];
            int customer = info >= 0 ? _moves.Mover(info) : -1;
            _path.Add((source, from, info, customer));
            delta = Math.Min(delta, Room(source, from, info));
        }
        delta = Math.Min(delta, _excess[source]);
        Augmentations++;
        _excess[source] -= delta;
        _excess[target] += delta;
        int units = (int)delta;
        foreach (var (node, from, info, customer) in _path)
        {
            switch (info)
            {
                case SlotToRep:
                    _slotFlow[from - 2 - _reps] += units;
                    RefreshSlot(from - 2 - _reps);
                    break;
                case RepToSlot:
                    _slotFlow[node - 2 - _reps] -= units;
                    RefreshSlot(node - 2 - _reps);
                    break;
                case RepToSink:
                    _repFlow[from - 2] += units;
                    RefreshRep(from - 2);
                    break;
                case SinkToRep:
                    _repFlow[node - 2] -= units;
                    RefreshRep(node - 2);
                    break;
                case UnassignedToSink:
                    _unassignedFlow += units;
                    break;
                case SinkToUnassigned:
                    _unassignedFlow -= units;
                    break;
                default:
                    _moves.Relocate(customer, info % _places);
                    break;
            }
        }
        return delta;
    }

    /// <summary>How many units the path arc into <paramref name="node"/> can carry at its current reduced cost.</summary>
    private long Room(int node, int from, int info)
    {
        switch (info)
        {
            case SlotToRep:
                {
                    int s = from - 2 - _reps, f = _slotFlow[s];
                    return Math.Min(_slotCap[s], (long)_slotCost[s].SegmentEnd(f + 1)) - f;
                }
            case RepToSlot:
                {
                    int s = node - 2 - _reps, f = _slotFlow[s];
                    return f - _slotCost[s].SegmentStart(f) + 1;
                }
            case RepToSink:
                {
                    int r = from - 2, g = _repFlow[r];
                    return Math.Min(_repCap[r], (long)_repCost[r].SegmentEnd(g + 1)) - g;
                }
            case SinkToRep:
                {
                    int r = node - 2, g = _repFlow[r];
                    return g - _repCost[r].SegmentStart(g) + 1;
                }
            case UnassignedToSink:
                return Inf;
            case SinkToUnassigned:
                return _unassignedFlow;
            default:
                return 1;
        }
    }

    private void RefreshSlot(int s)
    {
        int f = _slotFlow[s];
        _slotNext[s] = f < _slotCap[s] ? _slotCost[s].Marginal(f + 1) : Inf;
        _slotPrev[s] = f > 0 ? _slotCost[s].Marginal(f) : Inf;
    }

    private void RefreshRep(int r)
    {
        int g = _repFlow[r];
        _repNext[r] = g < _repCap[r] ? _repCost[r].Marginal(g + 1) : Inf;
        _repPrev[r] = g > 0 ? _repCost[r].Marginal(g) : Inf;
    }
}
