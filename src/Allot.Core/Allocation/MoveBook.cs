using System.Diagnostics;

namespace Allot.Core.Allocation;

/// <summary>Where each customer of a problem sits, and for each (tier, place, other place) the moves its customers
/// could make, cheapest first: the residual customer arcs of the flow, folded into arcs between places.</summary>
/// <remarks>
/// Places are reps 0..R−1 and "unassigned" (R). Heap <c>(t·(R+1) + a)·(R+1) + b</c> holds, for each free tier-t
/// customer j at a with option b, the key c(j,b) − c(j,a); a locked customer has no moves. A customer that moves
/// gets a new stamp, which makes its old entries stale; they are dropped when they reach a heap's top, so every
/// heap's top is always a live move and <see cref="CheapestMove"/> is one read.
/// </remarks>
internal sealed class MoveBook
{
    private const long None = long.MaxValue;

    private readonly int _reps, _places;
    private readonly int[] _start, _candidateRep, _tierOf, _fixed;
    private readonly long[] _cost, _unassignedCost;
    private readonly int[] _at, _stamp;
    private readonly MoveHeap?[] _heaps;
    private readonly long[] _minKey;
    private readonly int[][] _targets;
    private readonly int[] _targetCount;

    public MoveBook(AssignmentProblem problem)
    {
        _reps = problem.RepCount;
        _places = _reps + 1;
        _start = problem.CandidateStartArray;
        _candidateRep = problem.CandidateRepArray;
        _cost = problem.CandidateCostArray;
        _unassignedCost = problem.UnassignedCostArray;
        _tierOf = problem.CustomerTierArray;
        _fixed = problem.FixedRepArray;
        _at = new int[problem.CustomerCount];
        _stamp = new int[problem.CustomerCount];
        _heaps = new MoveHeap?[problem.TierCount * _places * _places];
        _minKey = new long[_heaps.Length];
        Array.Fill(_minKey, None);
        _targets = new int[problem.TierCount * _places][];
        _targetCount = new int[_targets.Length];
    }

    public long Relocations { get; private set; }

    /// <summary>The place of a customer: its rep, or R for unassigned.</summary>
    public int PlaceOf(int customer) => _at[customer];

    /// <summary>The places b with a heap from row (t, a), i.e. heaps <c>row·(R+1) + b</c>.</summary>
    public ReadOnlySpan<int> Targets(int row) => _targets[row] is { } targets ? targets.AsSpan(0, _targetCount[row]) : [];

    /// <summary>The key of the cheapest live move in a heap, <see cref="long.MaxValue"/> when it has none.</summary>
    public long CheapestMove(int heap) => _minKey[heap];

    /// <summary>The customer of the cheapest live move in a heap.</summary>
    public int Mover(int heap) => _heaps[heap]!.Top.Customer;

    /// <summary>Puts every customer at its first place and files all moves, each heap built in linear time.</summary>
    public void PlaceAll(int[] places)
    {
        Array.Copy(places, _at, places.Length);
        var count = new int[_heaps.Length];
        for (int i = 0; i < _at.Length; i++)
        {
            if (_fixed[i] != AssignmentProblem.None) continue;
            int baseIndex = (_tierOf[i] * _places + _at[i]) * _places;
            if (_at[i] != _reps) count[baseIndex + _reps]++;
            for (int a = _start[i]; a < _start[i + 1]; a++)
                if (_candidateRep[a] != _at[i]) count[baseIndex + _candidateRep[a]]++;
        }
        var items = new MoveHeap.Entry[_heaps.Length][];
        for (int h = 0; h < count.Length; h++)
            if (count[h] > 0) items[h] = new MoveHeap.Entry[count[h]];
        Array.Clear(count);
        for (int i = 0; i < _at.Length; i++)
        {
            if (_fixed[i] != AssignmentProblem.None) continue;
            int at = _at[i];
            int baseIndex = (_tierOf[i] * _places + at) * _places;
            long here = Cost(i, at);
            if (at != _reps) items[baseIndex + _reps][count[baseIndex + _reps]++] = new(_unassignedCost[i] - here, i, 0);
            for (int a = _start[i]; a < _start[i + 1]; a++)
            {
                int h = baseIndex + _candidateRep[a];
                if (_candidateRep[a] != at) items[h][count[h]++] = new(_cost[a] - here, i, 0);
            }
        }
        for (int h = 0; h < _heaps.Length; h++)
        {
            if (count[h] == 0) continue;
            var heap = _heaps[h] = new MoveHeap(items[h], count[h]);
            _minKey[h] = heap.Top.Key;
            AddTarget(h / _places, h % _places);
        }
    }

    /// <summary>Moves customer <paramref name="j"/> to place <paramref name="to"/>: its old moves go stale (heaps
    /// whose top they were are cleaned at once), its new ones are filed.</summary>
    public void Relocate(int j, int to)
    {
        Relocations++;
        int from = _at[j];
        _stamp[j]++;
        _at[j] = to;
        int baseIndex = (_tierOf[j] * _places + from) * _places;
        for (int a = _start[j] - 1; a < _start[j + 1]; a++)
        {
            int place = a < _start[j] ? _reps : _candidateRep[a];
            if (place == from) continue;
            var heap = _heaps[baseIndex + place]!;
            if (heap.Top.Customer == j) _minKey[baseIndex + place] = heap.CleanTop(_stamp);
        }
        if (_fixed[j] != AssignmentProblem.None) return;
        int row = _tierOf[j] * _places + to;
        baseIndex = row * _places;
        long here = Cost(j, to);
        int stamp = _stamp[j];
        for (int a = _start[j] - 1; a < _start[j + 1]; a++)
        {
            int place = a < _start[j] ? _reps : _candidateRep[a];
            if (place == to) continue;
            long key = (a < _start[j] ? _unassignedCost[j] : _cost[a]) - here;
            int h = baseIndex + place;
            var heap = _heaps[h];
            if (heap is null)
            {
                heap = _heaps[h] = new MoveHeap();
                AddTarget(row, place);
            }
            heap.Push(key, j, stamp);
            if (key < _minKey[h]) _minKey[h] = key;
        }
    }

    private void AddTarget(int row, int place)
    {
        if (_targets[row] is null) _targets[row] = new int[4];
        else if (_targetCount[row] == _targets[row].Length) Array.Resize(ref _targets[row], _targets[row].Length * 2);
        _targets[row][_targetCount[row]++] = place;
    }

    private long Cost(int j, int place)
    {
        if (place == _reps) return _unassignedCost[j];
        for (int a = _start[j]; a < _start[j + 1]; a++)
            if (_candidateRep[a] == place) return _cost[a];
        throw new UnreachableException($"customer {j} has no arc to rep {place}");
    }
}
