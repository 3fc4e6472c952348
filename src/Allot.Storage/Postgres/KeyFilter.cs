namespace Allot.Storage.Postgres;

/// <summary>A Bloom filter of the keys written so far in one file: "certainly not written" lets an import skip
/// asking the server about a key; "maybe" (about 1 % wrong) costs one question, never a wrong answer.</summary>
/// <remarks>Scalable: when a filter holds its planned number of keys a twice larger one is added, so a file of
/// any length keeps the error rate near 1 % with about 10 bits per key (25 MB for 20 million keys).</remarks>
internal sealed class KeyFilter
{
    private const int BitsPerKey = 10;
    private const int Probes = 7;
    private readonly List<(ulong[] Bits, long Capacity)> _filters = [];
    private long _inLast;

    public KeyFilter(long initialCapacity = 1 << 16) => _filters.Add(New(initialCapacity));

    /// <summary>True when the key may have been added; false when it certainly was not.</summary>
    public bool MayContain(string key)
    {
        ulong h = Hash(key);
        foreach (var (bits, _) in _filters)
            if (Test(bits, h)) return true;
        return false;
    }

    public void Add(string key)
    {
        var (bits, capacity) = _filters[^1];
        if (_inLast >= capacity)
        {
            (bits, capacity) = New(capacity * 2);
            _filters.Add((bits, capacity));
            _inLast = 0;
        }
        ulong h = Hash(key);
        ulong step = (h >> 33) | 1;
        ulong m = (ulong)bits.Length * 64;
        for (int i = 0; i < Probes; i++, h += step)
        {
            ulong bit = h % m;
            bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
        _inLast++;
    }

    private static bool Test(ulong[] bits, ulong h)
    {
        ulong step = (h >> 33) | 1;
        ulong m = (ulong)bits.Length * 64;
        for (int i = 0; i < Probes; i++, h += step)
        {
            ulong bit = h % m;
            if ((bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    private static (ulong[], long) New(long capacity) => (new ulong[Math.Max(1, capacity * BitsPerKey / 64)], capacity);

    // FNV-1a over the UTF-16 units, then a SplitMix64 finaliser so nearby keys ("O0001", "O0002") spread out.
    private static ulong Hash(string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
