using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Allot.Import.Importing.Fast;

/// <summary>Gives each distinct byte string (a customer key, a category) a dense id, in order of first sight,
/// without making a string of it: the bytes are copied once into one arena.</summary>
/// <remarks>Open addressing with linear probing over a power-of-two slot array, grown at half full. The
/// previous key is remembered, so a run of rows of one customer (a file sorted by customer) costs a compare.</remarks>
internal sealed class ByteKeyTable
{
    private byte[] _arena = new byte[1 << 16];
    private int _arenaLength;
    private int[] _start = new int[1024];
    private int[] _length = new int[1024];
    private uint[] _hash = new uint[1024];
    private int[] _slots = new int[2048];
    private int _lastId = -1, _lastStart, _lastLength;

    /// <summary>Number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of a key by id.</summary>
    public ReadOnlySpan<byte> KeyOf(int id) => _arena.AsSpan(_start[id], _length[id]);

    /// <summary>The ids in the byte order of their keys (for ASCII keys, the ordinal order of their strings).</summary>
    /// <remarks>A merge sort over the runs already in order: a file sorted by key gives each worker sorted runs, so
    /// this is then about one pass.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] IdsInKeyOrder()
    {
        var ids = new int[Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = i;
        var scratch = new int[Count];
        // Runs already in order, as [start, end) bounds.
        var bounds = new List<int> { 0 };
        for (int i = 1; i < ids.Length; i++)
            if (Compare(ids[i - 1], ids[i]) > 0) bounds.Add(i);
        bounds.Add(ids.Length);
        while (bounds.Count > 2)
        {
            var merged = new List<int> { 0 };
            for (int r = 0; r + 1 < bounds.Count; r += 2)
            {
                int start = bounds[r], middle = bounds[r + 1], end = r + 2 < bounds.Count ? bounds[r + 2] : middle;
                int a = start, b = middle, o = start;
                while (a < middle && b < end) scratch[o++] = Compare(ids[a], ids[b]) <= 0 ? ids[a++] : ids[b++];
                while (a < middle) scratch[o++] = ids[a++];
                while (b < end) scratch[o++] = ids[b++];
                merged.Add(end);
            }
            (ids, scratch) = (scratch, ids);
            bounds = merged;
        }
        return ids;
    }

    private int Compare(int x, int y) => KeyOf(x).SequenceCompareTo(KeyOf(y));

    /// <summary>The id of a key, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> key)
    {
        if (_lastId >= 0 && key.SequenceEqual(_arena.AsSpan(_lastStart, _lastLength))) return _lastId;
        uint h = Hash(key);
        int mask = _slots.Length - 1;
        int slot = (int)h & mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0) break;
            int id = entry - 1;
            if (_hash[id] == h && key.SequenceEqual(KeyOf(id))) return Remember(id);
            slot = (slot + 1) & mask;
        }
        int added = Add(key, h);
        _slots[slot] = added + 1;
        if (Count * 2 > _slots.Length) Rehash();
        return Remember(added);
    }

    // The previous key's id and bytes, so a run of one key's rows costs one compare.
    private int Remember(int id)
    {
        (_lastStart, _lastLength) = (_start[id], _length[id]);
        return _lastId = id;
    }

    private int Add(ReadOnlySpan<byte> key, uint h)
    {
        int id = Count++;
        if (id == _start.Length)
        {
            int size = id * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _length, size);
            Array.Resize(ref _hash, size);
        }
        if (_arenaLength + key.Length > _arena.Length)
            Array.Resize(ref _arena, (int)Math.Min(Array.MaxLength, Math.Max((long)_arena.Length * 2, _arenaLength + (long)key.Length)));
        key.CopyTo(_arena.AsSpan(_arenaLength));
        _start[id] = _arenaLength;
        _length[id] = key.Length;
        _hash[id] = h;
        _arenaLength += key.Length;
        return id;
    }

    private void Rehash()
    {
        var slots = OrderSums.Touched(new int[_slots.Length * 2]); // probed (read) before written
        int mask = slots.Length - 1;
        for (int id = 0; id < Count; id++)
        {
            int slot = (int)_hash[id] & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = id + 1;
        }
        _slots = slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        const ulong Prime = 0x9E3779B97F4A7C15;
        ulong h = (ulong)key.Length * Prime;
        while (key.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(key)) * Prime, 31);
            key = key[8..];
        }
        ulong tail = 0;
        for (int i = 0; i < key.Length; i++) tail |= (ulong)key[i] << (8 * i);
        h = (h ^ tail) * Prime;
        return (uint)(h ^ (h >> 29) ^ (h >> 47));
    }
}
