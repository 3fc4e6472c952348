using System.Runtime.CompilerServices;

namespace Allot.Core.Indicators;

/// <summary>Indicator values per customer at an as-of date: one row per customer (ordered by key, ordinal),
/// one numeric column per indicator name, plus text columns for characteristics (type, industry, region…).</summary>
/// <remarks>A missing numeric value is <see cref="double.NaN"/> (e.g. average satisfaction of a customer who
/// never answered); a missing text value is null. Columns are stored as arrays and never copied on read.</remarks>
public sealed class IndicatorTable
{
    private readonly Dictionary<string, double[]> _numbers;
    private readonly Dictionary<string, string?[]> _texts;
    private Dictionary<string, int>? _rowOf;

    private IndicatorTable(DateOnly asOf, string[] keys, Dictionary<string, double[]> numbers, Dictionary<string, string?[]> texts)
    {
        AsOf = asOf;
        CustomerKeys = keys;
        _numbers = numbers;
        _texts = texts;
    }

    /// <summary>The date the indicators describe (inclusive: orders on it count).</summary>
    public DateOnly AsOf { get; }

    /// <summary>Customer keys, one per row, in ordinal order.</summary>
    public IReadOnlyList<string> CustomerKeys { get; }

    /// <summary>Number of customers.</summary>
    public int Count => CustomerKeys.Count;

    /// <summary>Names of the numeric indicators, in ordinal order.</summary>
    public IEnumerable<string> NumberNames => _numbers.Keys.Order(StringComparer.Ordinal);

    /// <summary>Names of the text indicators, in ordinal order.</summary>
    public IEnumerable<string> TextNames => _texts.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when the table has a numeric indicator of that name.</summary>
    public bool HasNumber(string name) => _numbers.ContainsKey(name);

    /// <summary>True when the table has a text indicator of that name.</summary>
    public bool HasText(string name) => _texts.ContainsKey(name);

    /// <summary>A numeric column, one value per row (NaN when missing).</summary>
    /// <exception cref="KeyNotFoundException">No such indicator; the message lists the known ones.</exception>
    public ReadOnlySpan<double> Number(string name) =>
        _numbers.TryGetValue(name, out var column) ? column : throw Unknown(name, _numbers.Keys);

    /// <summary>The stored array of a numeric column, for the classifiers of this assembly that read whole columns:
    /// not copied (a million-row copy costs more in fresh memory than the reading), and never to be written.</summary>
    /// <exception cref="KeyNotFoundException">No such indicator; the message lists the known ones.</exception>
    internal double[] Column(string name) =>
        _numbers.TryGetValue(name, out var column) ? column : throw Unknown(name, _numbers.Keys);

    /// <summary>A text column, one value per row (null when missing).</summary>
    /// <exception cref="KeyNotFoundException">No such indicator; the message lists the known ones.</exception>
    public IReadOnlyList<string?> Text(string name) =>
        _texts.TryGetValue(name, out var column) ? column : throw Unknown(name, _texts.Keys);

    /// <summary>The row of a customer, or -1.</summary>
    /// <remarks>The first call builds the lookup (most runs never need one).</remarks>
    public int RowOf(string customerKey)
    {
        var rowOf = _rowOf;
        if (rowOf is null)
        {
            var keys = (string[])CustomerKeys;
            rowOf = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (int i = 0; i < keys.Length; i++) rowOf[keys[i]] = i;
            _rowOf = rowOf;
        }
        return rowOf.TryGetValue(customerKey, out int row) ? row : -1;
    }

    /// <summary>The same table with more numeric columns (replacing any of the same name).</summary>
    /// <param name="columns">Columns in this table's row order, each <see cref="Count"/> long.</param>
    /// <exception cref="ArgumentException">A column has the wrong length.</exception>
    public IndicatorTable WithNumbers(IReadOnlyDictionary<string, double[]> columns)
    {
        var numbers = new Dictionary<string, double[]>(_numbers, StringComparer.Ordinal);
        foreach (var (name, column) in columns)
        {
            if (column.Length != Count) throw new ArgumentException($"indicator {name} has {column.Length} values for {Count} customers", nameof(columns));
            numbers[name] = column;
        }
        return new IndicatorTable(AsOf, (string[])CustomerKeys, numbers, _texts);
    }

    /// <summary>Builds a table; rows are reordered by key so every table of the same data is identical.</summary>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="keys">Customer keys, distinct.</param>
    /// <param name="numbers">Numeric columns, each as long as <paramref name="keys"/>.</param>
    /// <param name="texts">Text columns, each as long as <paramref name="keys"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IndicatorTable Create(DateOnly asOf, IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, double[]> numbers, IReadOnlyDictionary<string, string?[]>? texts = null) =>
        Create(asOf, keys, numbers, texts, adopt: false);

    /// <summary>As <see cref="Create(DateOnly, IReadOnlyList{string}, IReadOnlyDictionary{string, double[]}, IReadOnlyDictionary{string, string?[]}?)"/>;
    /// with <paramref name="adopt"/>, columns already in key order become the table's own instead of being copied
    /// (for a caller that made them for the table and drops them).</summary>
    internal static IndicatorTable Create(DateOnly asOf, IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, double[]> numbers, IReadOnlyDictionary<string, string?[]>? texts, bool adopt)
    {
        int n = keys.Count;
        string[] sorted = [.. keys];
        // Keys that come sorted (a file ordered by customer) keep their order: nothing to sort or copy.
        bool inOrder = true;
        for (int i = 1; i < n && inOrder; i++) inOrder = string.CompareOrdinal(sorted[i - 1], sorted[i]) < 0;
        int[]? order = null;
        if (!inOrder)
        {
            order = Enumerable.Range(0, n).ToArray();
            Array.Sort(sorted, order, StringComparer.Ordinal);
            for (int i = 1; i < n; i++)
                if (sorted[i] == sorted[i - 1]) throw new ArgumentException($"customer key {sorted[i]} appears twice", nameof(keys));
        }
        var numberColumns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in numbers)
        {
            if (column.Length != n) throw new ArgumentException($"indicator {name} has {column.Length} values for {n} customers", nameof(numbers));
            if (order is null && adopt)
            {
                numberColumns[name] = column;
                continue;
            }
            var copy = new double[n];
            if (order is null) column.AsSpan().CopyTo(copy);
            else for (int i = 0; i < n; i++) copy[i] = column[order[i]];
            numberColumns[name] = copy;
        }
        var textColumns = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (name, column) in texts ?? new Dictionary<string, string?[]>())
        {
            if (column.Length != n) throw new ArgumentException($"indicator {name} has {column.Length} values for {n} customers", nameof(texts));
            if (order is null && adopt)
            {
                textColumns[name] = column;
                continue;
            }
            var copy = new string?[n];
            if (order is null) column.AsSpan().CopyTo(copy);
            else for (int i = 0; i < n; i++) copy[i] = column[order[i]];
            textColumns[name] = copy;
        }
        return new IndicatorTable(asOf, sorted, numberColumns, textColumns);
    }

    private static KeyNotFoundException Unknown(string name, IEnumerable<string> known) =>
        new($"unknown indicator '{name}'; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
}
