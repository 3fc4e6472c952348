using System.Runtime.InteropServices;

namespace Allot.Core.Indicators;

/// <summary>Gives each customer key a dense row index, in order of first sight, so totals live in arrays.</summary>
internal sealed class CustomerIndex
{
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
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
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexOf, key, out bool exists);
        if (!exists)
        {
            slot = _keys.Count;
            _keys.Add(key);
        }
        _lastKey = key;
        _lastIndex = slot;
        return slot;
    }

    /// <summary>Makes room for <paramref name="count"/> customers in all, so a known number of keys is added without
    /// growing the table again and again.</summary>
    public void EnsureCapacity(int count)
    {
        _indexOf.EnsureCapacity(count);
        _keys.EnsureCapacity(count);
    }

    /// <summary>True when the key was added by this call (false when it was already known).</summary>
    public bool TryAdd(string key, out int index)
    {
        int before = _keys.Count;
        index = Register(key);
        return _keys.Count > before;
    }

    /// <summary>Grows an array indexed by customer so it holds at least <see cref="Count"/> entries.</summary>
    public void Fit<T>(ref T[] array)
    {
        if (array.Length >= _keys.Count) return;
        Array.Resize(ref array, Math.Max(_keys.Count, Math.Max(16, array.Length * 2)));
    }
}
