namespace Allot.Storage.Postgres;

/// <summary>The keys one file has written, as 64-bit fingerprints: "not seen" is certain; "seen" is a repeat
/// of the key unless two keys share a fingerprint (about one chance in 10⁵ for a 20-million-row file), so a
/// "seen" is always checked against the table before it counts.</summary>
/// <remarks>Open addressing over a <see cref="long"/> array kept at most 3/4 full: 8–16 bytes per key, no
/// object per key (20 million keys take 256 MB, against ~1.5 GB as a set of strings).</remarks>
internal sealed class FileKeys
{
    private long[] _slots = new long[1 << 16];
    private int _count;

    public int Count => _count;

    /// <summary>True when the key may have been added (its fingerprint has).</summary>
    public bool MaySee(string key) => MaySee(Fingerprint(key));

    /// <summary>True when a key with this fingerprint may have been added.</summary>
    public bool MaySee(long fingerprint) => Find(fingerprint, _slots) >= 0;

    /// <summary>Adds the key; returns false when its fingerprint was there already.</summary>
    public bool Add(string key) => Add(Fingerprint(key));

    /// <summary>Adds a key by its <see cref="Fingerprint"/>; returns false when it was there already.</summary>
    public bool Add(long f)
    {
        if (_count + 1 > _slots.Length / 4 * 3) Grow();
        int i = Find(f, _slots);
        if (i >= 0) return false;
        _slots[~i] = f;
        _count++;
        return true;
    }

    // The slot holding f (≥ 0), or the complement of the empty slot where it would go.
    private static int Find(long f, long[] slots)
    {
        int mask = slots.Length - 1;
        for (int i = (int)f & mask; ; i = (i + 1) & mask)
        {
            long s = slots[i];
            if (s == f) return i;
            if (s == 0) return ~i;
        }
    }

    private void Grow()
    {
        var bigger = new long[_slots.Length * 2];
        foreach (long f in _slots)
            if (f != 0) bigger[~Find(f, bigger)] = f;
        _slots = bigger;
    }

    /// <summary>The key's fingerprint: never 0 (which marks an empty slot).</summary>
    /// <remarks>FNV-1a over the UTF-16 units, then a SplitMix64 finaliser so nearby keys ("O0001", "O0002") spread out.</remarks>
    public static long Fingerprint(string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Finish(h);
    }

    /// <summary>The fingerprint of a key given as UTF-8 bytes: the same construction over the bytes (so not the
    /// fingerprint of the same key as a string; one file uses one or the other).</summary>
    public static long Fingerprint(ReadOnlySpan<byte> key)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in key)
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return Finish(h);
    }

    private static long Finish(ulong h)
    {
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return h == 0 ? 1 : (long)h;
    }
}
