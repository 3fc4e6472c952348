using System.Runtime.InteropServices;

namespace Allot.Core.Indicators;

/// <summary>Gives each customer key a dense row index, in order of first sight, so totals live in arrays.</summary>
/// <remarks>The key → index lookup is built on first need: keys from a source that holds each customer once (per-
/// customer sums) are appended without one, which spares a million-entry hash table when nothing else is looked up.</remarks>
internal sealed class CustomerIndex
{
    private Dictionary<string, int>? _indexOf;
    private readonly List<string> _keys = [];
    // Orders usually come grouped by customer or by date with few customers a day; remembering the last key
    // (by reference) skips most hash lookups on long streams.
    private string? _lastKey;
    private int _lastIndex;

    /// <summary>Keys by index.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Number of customers seen.</summary>
    public int Count => _keys.Count;

    /// <summary>The index of a key, adding it when new.</summary>
    public int Register(string key)
    {
        if (ReferenceEquals(key, _lastKey)) return _lastIndex;
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Lookup(), key, out bool exists);
        if (!exists)
        {
            slot = _keys.Count;
            _keys.Add(key);
        }
        _lastKey = key;
        _lastIndex = slot;
        return slot;
    }

    /// <summary>The index of a key from a source that holds each customer at most once: appended without a lookup
    /// while nothing has been looked up, else as <see cref="Register"/>.</summary>
    public int RegisterDistinct(string key)
    {
        if (_indexOf is not null) return Register(key);
        _keys.Add(key);
        return _keys.Count - 1;
    }

    /// <summary>True when the key was added by this call (false when it was already known).</summary>
    public bool TryAdd(string key, out int index)
    {
        int before = _keys.Count;
        index = Register(key);
        return _keys.Count > before;
    }

    /// <summary>Makes room for <paramref name="count"/> customers in all, so a known number of keys is added without
    /// growing the table again and again.</summary>
    public void EnsureCapacity(int count)
    {
        _indexOf?.EnsureCapacity(count);
        _keys.EnsureCapacity(count);
    }

    /// <summary>Grows an array indexed by customer so it holds at least <see cref="Count"/> entries.</summary>
    public void Fit<T>(ref T[] array)
    {
        if (array.Length >= _keys.Count) return;
        Array.Resize(ref array, Math.Max(_keys.Count, Math.Max(16, array.Length * 2)));
    }

    private Dictionary<string, int> Lookup()
    {
        if (_indexOf is not null) return _indexOf;
        var indexOf = new Dictionary<string, int>(_keys.Count, StringComparer.Ordinal);
        for (int i = 0; i < _keys.Count; i++)
            if (!indexOf.TryAdd(_keys[i], i)) throw new ArgumentException($"customer {_keys[i]} has two summaries of the same kind");
        return _indexOf = indexOf;
    }
}
