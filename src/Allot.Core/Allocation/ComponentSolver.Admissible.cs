namespace Allot.Core.Allocation;

/// <summary>Augmentations along admissible paths (every arc at reduced cost 0) between two searches.</summary>
/// <remarks>
/// An admissible path is a shortest path under the current potentials, so sending flow along it keeps every reduced
/// cost non-negative (its reverse arcs are at 0 too) without touching the potentials: the primal-dual method's
/// inner step. Realistic costs have many ties, so one search often opens several such paths. Depth-first, from each
/// node with excess in turn; a node from which nothing was found is not tried again until the next search (that only
/// saves time: whatever is missed, the next search finds).
/// </remarks>
internal sealed partial class ComponentSolver
{
    private const int MaxDepth = 512;
    private int _phase, _walk;

    /// <summary>Sends units along admissible paths until none is left from any node with excess; returns the units.</summary>
    private long AugmentAdmissible()
    {
        _phase++;
        long sent = 0;
        for (int v = 0; v < _nodes; v++)
            while (_excess[v] > 0 && _dead[v] != _phase)
            {
                _walk++;
                _predNode[v] = Source;
                int target = Walk(v, 0);
                if (target < 0) break;
                sent += Augment(target);
            }
        return sent;
    }

    /// <summary>Depth-first along admissible arcs to a node with deficit; returns it, or −1.</summary>
    private int Walk(int v, int depth)
    {
        if (_excess[v] < 0) return v;
        _visited[v] = _walk;
        if (depth < MaxDepth)
        {
            long piV = _pi[v];
            if (v == Sink)
            {
                if (_unassignedFlow > 0 && Tight(v, piV, 0, Unassigned, SinkToUnassigned, depth) is var a and >= 0) return a;
                for (int r = 0; r < _reps; r++)
                    if (_repPrev[r] != Inf && Tight(v, piV, -_repPrev[r], RepNode(r), SinkToRep, depth) is var b and >= 0) return b;
            }
            else if (v == Unassigned)
            {
                if (Tight(v, piV, 0, Sink, UnassignedToSink, depth) is var a and >= 0) return a;
                for (int t = 0; t < _tiers; t++)
                    if (TightMoves(t, _reps, v, piV, depth) is var b and >= 0) return b;
            }
            else if (v < 2 + _reps)
            {
                int r = v - 2;
                if (_repNext[r] != Inf && Tight(v, piV, _repNext[r], Sink, RepToSink, depth) is var a and >= 0) return a;
                for (int t = 0; t < _tiers; t++)
                {
                    int s = r * _tiers + t;
                    if (_slotPrev[s] != Inf && Tight(v, piV, -_slotPrev[s], SlotNode(r, t), RepToSlot, depth) is var b and >= 0) return b;
                }
            }
            else
            {
                int r = (v - 2 - _reps) / _tiers, t = (v - 2 - _reps) % _tiers, s = r * _tiers + t;
                if (_slotNext[s] != Inf && Tight(v, piV, _slotNext[s], RepNode(r), SlotToRep, depth) is var a and >= 0) return a;
                if (TightMoves(t, r, v, piV, depth) is var b and >= 0) return b;
            }
        }
        _dead[v] = _phase;
        return -1;
    }

    private int TightMoves(int t, int from, int v, long piV, int depth)
    {
        int row = t * _places + from;
        foreach (int b in _moves.Targets(row))
        {
            int heap = row * _places + b;
            long key = _moves.CheapestMove(heap);
            if (key == Inf) continue;
            int w = b == _reps ? Unassigned : SlotNode(b, t);
            if (Tight(v, piV, key, w, heap, depth) is var found and >= 0) return found;
        }
        return -1;
    }

    /// <summary>Follows arc v → w if it is admissible and w is neither on the walk nor dead.</summary>
    private int Tight(int v, long piV, long cost, int w, int info, int depth)
    {
        if (cost + piV - _pi[w] != 0 || _visited[w] == _walk || _dead[w] == _phase) return -1;
        _predNode[w] = v;
        _predInfo[w] = info;
        return Walk(w, depth + 1);
    }
}
