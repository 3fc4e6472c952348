using System.Collections;

namespace Allot.Core.Classification;

/// <summary>A classifier's assignments kept as columns — the class per row and every row's numbers in one array —
/// and made into <see cref="ClassAssignment"/> records only when read.</summary>
/// <remarks>A million customers otherwise mean a million long-lived records, each with its own numbers array, per
/// classifier. Reading <c>this[row]</c> builds an equal record each time (the reason still written on demand);
/// <see cref="ClassAt"/> reads a class without building anything. Rows may have different number names (e.g.
/// RFM's non-buying customers have no scores): each row names one of a few <see cref="Layout"/>s.</remarks>
internal sealed class AssignmentColumns : IReadOnlyList<ClassAssignment>
{
    private readonly IReadOnlyList<string> _keys;
    private readonly string[] _classes;
    private readonly double[] _values;
    private readonly int _stride;
    private readonly Layout[] _layouts;
    private readonly byte[]? _layoutOf;

    /// <summary>The names of a row's numbers (shared by the rows of this layout) and the writer of its reason.</summary>
    public sealed record Layout(string[] Names, Func<ClassAssignment, string> Explain);

    /// <summary>Empty columns for <paramref name="keys"/>: fill each row with <see cref="Set"/>.</summary>
    /// <param name="keys">Customer keys by row.</param>
    /// <param name="layouts">At most 256 layouts; a row uses the first unless <see cref="Set"/> names another.</param>
    public AssignmentColumns(IReadOnlyList<string> keys, params Layout[] layouts)
    {
        if (layouts.Length is 0 or > 256) throw new ArgumentException("between 1 and 256 layouts", nameof(layouts));
        _keys = keys;
        _layouts = layouts;
        _stride = layouts.Max(l => l.Names.Length);
        if ((long)keys.Count * _stride > Array.MaxLength) throw new ArgumentException($"{keys.Count:N0} rows of {_stride} numbers do not fit one array", nameof(keys));
        _classes = new string[keys.Count];
        _values = new double[(long)keys.Count * _stride];
        _layoutOf = layouts.Length > 1 ? new byte[keys.Count] : null;
    }

    /// <summary>Sets a row's class and layout; its numbers are written into the returned span, in the layout's
    /// name order.</summary>
    public Span<double> Set(int row, string @class, int layout = 0)
    {
        _classes[row] = @class;
        if (_layoutOf is not null) _layoutOf[row] = (byte)layout;
        return _values.AsSpan(row * _stride, _layouts[layout].Names.Length);
    }

    /// <summary>A row's numbers, in its layout's name order.</summary>
    public ReadOnlySpan<double> Values(int row) => _values.AsSpan(row * _stride, LayoutOf(row).Names.Length);

    /// <summary>A row's class, without building its record.</summary>
    public string ClassAt(int row) => _classes[row];

    private Layout LayoutOf(int row) => _layouts[_layoutOf is null ? 0 : _layoutOf[row]];

    public ClassAssignment this[int index]
    {
        get
        {
            var layout = LayoutOf(index);
            return new ClassAssignment(_keys[index], _classes[index], layout.Explain, CompactNumbers.Of(layout.Names, Values(index).ToArray()));
        }
    }

    public int Count => _classes.Length;

    public IEnumerator<ClassAssignment> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
