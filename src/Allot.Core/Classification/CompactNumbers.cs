using System.Collections;

namespace Allot.Core.Classification;

/// <summary>An assignment's numbers in two arrays: names shared by every assignment of a classifier (they repeat
/// from customer to customer), values per assignment. A million customers × several classifiers would otherwise
/// hold millions of hash tables.</summary>
/// <remarks>Lookups scan the names: an assignment has a few dozen numbers at most. Enumeration keeps the order
/// the numbers were given in, so output stays deterministic.</remarks>
internal sealed class CompactNumbers : IReadOnlyDictionary<string, double>
{
    [ThreadStatic] private static string[]? _lastNames;
    private readonly string[] _names;
    private readonly double[] _values;

    private CompactNumbers(string[] names, double[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>Numbers from names (shared by the caller across assignments) and values, in that order.</summary>
    public static IReadOnlyDictionary<string, double> Of(string[] names, double[] values) => new CompactNumbers(names, values);

    public static IReadOnlyDictionary<string, double> From(IReadOnlyDictionary<string, double> numbers)
    {
        if (numbers is CompactNumbers) return numbers;
        int n = numbers.Count;
        var values = new double[n];
        var last = _lastNames;
        bool same = last is not null && last.Length == n;
        int i = 0;
        foreach (var (name, value) in numbers)
        {
            if (same && !string.Equals(last![i], name, StringComparison.Ordinal)) same = false;
            values[i++] = value;
        }
        string[] names;
        if (same) names = last!;
        else
        {
            names = new string[n];
            i = 0;
            foreach (var (name, _) in numbers) names[i++] = name;
            _lastNames = names;
        }
        return new CompactNumbers(names, values);
    }

    public double this[string key] => TryGetValue(key, out double v) ? v : throw new KeyNotFoundException($"no number named '{key}'");

    public IEnumerable<string> Keys => _names;

    public IEnumerable<double> Values => _values;

    public int Count => _names.Length;

    public bool ContainsKey(string key) => Array.IndexOf(_names, key) >= 0;

    public bool TryGetValue(string key, out double value)
    {
        int i = Array.IndexOf(_names, key);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (int i = 0; i < _names.Length; i++) yield return new KeyValuePair<string, double>(_names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
