namespace Allot.Core.Allocation;

/// <summary>A binary min-heap of customer moves between two places (reps or "unassigned") for one tier, keyed by
/// the change of assignment cost the move would make. Entries of customers that have moved since are stale and
/// dropped when they reach the top (lazy deletion).</summary>
/// <remarks>Ties on the key go to the lower customer index, so the heap's top never depends on insertion order.</remarks>
internal sealed class MoveHeap
{
    private Entry[] _items;

    public MoveHeap() => _items = new Entry[4];

    /// <summary>A heap of the first <paramref name="count"/> entries of <paramref name="items"/> (taken, not copied),
    /// ordered in O(count).</summary>
    public MoveHeap(Entry[] items, int count)
    {
        _items = items;
        Count = count;
        for (int k = count / 2 - 1; k >= 0; k--) SiftDown(k, _items[k]);
    }

    public int Count { get; private set; }

    public ref readonly Entry Top => ref _items[0];

    public void Push(long key, int customer, int stamp)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var item = new Entry(key, customer, stamp);
        int k = Count++;
        while (k > 0)
        {
            int parent = (k - 1) >> 1;
            if (!Less(item, _items[parent])) break;
            _items[k] = _items[parent];
            k = parent;
        }
        _items[k] = item;
    }

    public void Pop()
    {
        var last = _items[--Count];
        if (Count > 0) SiftDown(0, last);
    }

    private void SiftDown(int k, Entry item)
    {
        while (true)
        {
            int child = 2 * k + 1;
            if (child >= Count) break;
            if (child + 1 < Count && Less(_items[child + 1], _items[child])) child++;
            if (!Less(_items[child], item)) break;
            _items[k] = _items[child];
            k = child;
        }
        _items[k] = item;
    }

    /// <summary>Drops stale entries from the top; returns the key of the live top, or <see cref="long.MaxValue"/>
    /// when no live entry is left.</summary>
    public long CleanTop(int[] stamps)
    {
        while (Count > 0)
        {
            ref readonly var top = ref _items[0];
            if (stamps[top.Customer] == top.Stamp) return top.Key;
            Pop();
        }
        return long.MaxValue;
    }

    private static bool Less(in Entry x, in Entry y) => x.Key < y.Key || (x.Key == y.Key && x.Customer < y.Customer);

    internal readonly record struct Entry(long Key, int Customer, int Stamp);
}
