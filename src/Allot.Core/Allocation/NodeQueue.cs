namespace Allot.Core.Allocation;

/// <summary>The priority queue of Dijkstra's algorithm: (distance, node) pairs, smallest distance first, ties to
/// the lower node number; a node may be queued more than once (the caller skips the stale copies).</summary>
internal sealed class NodeQueue
{
    private long[] _keys = new long[16];
    private int[] _nodes = new int[16];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(long key, int node)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _nodes, Count * 2);
        }
        int k = Count++;
        while (k > 0)
        {
            int parent = (k - 1) >> 1;
            if (_keys[parent] < key || (_keys[parent] == key && _nodes[parent] < node)) break;
            _keys[k] = _keys[parent];
            _nodes[k] = _nodes[parent];
            k = parent;
        }
        _keys[k] = key;
        _nodes[k] = node;
    }

    public (long Key, int Node) Pop()
    {
        var result = (_keys[0], _nodes[0]);
        long key = _keys[--Count];
        int node = _nodes[Count];
        int k = 0;
        while (true)
        {
            int child = 2 * k + 1;
            if (child >= Count) break;
            if (child + 1 < Count && (_keys[child + 1] < _keys[child] || (_keys[child + 1] == _keys[child] && _nodes[child + 1] < _nodes[child])))
                child++;
            if (key < _keys[child] || (key == _keys[child] && node < _nodes[child])) break;
            _keys[k] = _keys[child];
            _nodes[k] = _nodes[child];
            k = child;
        }
        _keys[k] = key;
        _nodes[k] = node;
        return result;
    }
}
