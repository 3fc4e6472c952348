namespace Allot.Core.Allocation;

/// <summary>A convex, piecewise-linear cost of a load counted in accounts: the k-th account (k = 1, 2, …) costs a
/// marginal amount that never decreases with k.</summary>
/// <remarks>
/// Given as segments: units 1..<c>SegmentEnds[0]</c> cost <c>Slopes[0]</c> each, units
/// <c>SegmentEnds[0]+1..SegmentEnds[1]</c> cost <c>Slopes[1]</c>, …, and every unit after the last end costs the last
/// slope. Ends are strictly increasing and positive; there is one more slope than ends; slopes are non-decreasing
/// (that is what keeps the allocation a min-cost flow: a convex cost splits into parallel arcs that fill cheapest
/// first). Slopes may be negative (a bonus for the first accounts) and lie within ±<see cref="AssignmentProblem.MaxAbsCost"/>.
/// The cost of carrying no load is 0. A capacity is not part of the cost; it is given beside it.
/// </remarks>
public sealed class LoadCost : IEquatable<LoadCost>
{
    private readonly int[] _ends;
    private readonly long[] _slopes;

    private LoadCost(int[] ends, long[] slopes)
    {
        _ends = ends;
        _slopes = slopes;
    }

    /// <summary>No cost at any load.</summary>
    public static LoadCost Zero { get; } = new([], [0]);

    /// <summary>The same cost <paramref name="slope"/> for every account.</summary>
    public static LoadCost Linear(long slope) => Piecewise([], [slope]);

    /// <summary>Free up to <paramref name="threshold"/> accounts, then <paramref name="slope"/> for each account beyond
    /// (the usual fair-share penalty); a threshold of 0 is <see cref="Linear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative threshold or slope.</exception>
    public static LoadCost AboveThreshold(int threshold, long slope)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfNegative(slope);
        return threshold == 0 || slope == 0 ? Linear(slope) : Piecewise([threshold], [0, slope]);
    }

    /// <summary>The general form: <paramref name="segmentEnds"/> (strictly increasing, positive) and one more
    /// <paramref name="slopes"/> (non-decreasing). Adjacent segments with equal slopes are merged.</summary>
    /// <exception cref="ArgumentException">Not convex, ends not increasing, wrong lengths or a slope out of range.</exception>
    public static LoadCost Piecewise(ReadOnlySpan<int> segmentEnds, ReadOnlySpan<long> slopes)
    {
        if (slopes.Length != segmentEnds.Length + 1)
            throw new ArgumentException($"a load cost needs one more slope than segment ends; got {slopes.Length} slopes and {segmentEnds.Length} ends", nameof(slopes));
        var ends = new List<int>(segmentEnds.Length);
        var kept = new List<long>(slopes.Length);
        for (int j = 0; j < slopes.Length; j++)
        {
            if (slopes[j] > AssignmentProblem.MaxAbsCost || slopes[j] < -AssignmentProblem.MaxAbsCost)
                throw new ArgumentException($"load cost slope {slopes[j]} is beyond ±{AssignmentProblem.MaxAbsCost}", nameof(slopes));
            if (j > 0 && slopes[j] < slopes[j - 1])
                throw new ArgumentException($"load cost slopes must not decrease (convexity); slope {j} = {slopes[j]} < {slopes[j - 1]}", nameof(slopes));
            if (j < segmentEnds.Length && (segmentEnds[j] <= 0 || (j > 0 && segmentEnds[j] <= segmentEnds[j - 1])))
                throw new ArgumentException("load cost segment ends must be positive and strictly increasing", nameof(segmentEnds));
            if (j > 0 && slopes[j] == kept[^1]) ends[^1] = j < segmentEnds.Length ? segmentEnds[j] : -1;
            else
            {
                kept.Add(slopes[j]);
                if (j < segmentEnds.Length) ends.Add(segmentEnds[j]);
            }
        }
        if (ends.Count > 0 && ends[^1] == -1) ends.RemoveAt(ends.Count - 1);
        return new LoadCost([.. ends], [.. kept]);
    }

    /// <summary>The ends of all segments but the last (which is unbounded).</summary>
    public ReadOnlySpan<int> SegmentEnds => _ends;

    /// <summary>The cost per account of each segment, non-decreasing.</summary>
    public ReadOnlySpan<long> Slopes => _slopes;

    /// <summary>True when every account costs 0.</summary>
    public bool IsZero => _ends.Length == 0 && _slopes[0] == 0;

    /// <summary>The cost of the <paramref name="k"/>-th account (k ≥ 1).</summary>
    public long Marginal(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return _slopes[Segment(k)];
    }

    /// <summary>The last account index, at or after <paramref name="k"/>, that costs the same as the k-th
    /// (<see cref="int.MaxValue"/> in the last segment).</summary>
    public int SegmentEnd(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int j = Segment(k);
        return j < _ends.Length ? _ends[j] : int.MaxValue;
    }

    /// <summary>The first account index, at or before <paramref name="k"/>, that costs the same as the k-th.</summary>
    public int SegmentStart(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int j = Segment(k);
        return j == 0 ? 1 : _ends[j - 1] + 1;
    }

    /// <summary>The cost of a load of <paramref name="n"/> accounts: the sum of the first n marginal costs.</summary>
    public long Total(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        long total = 0;
        int done = 0;
        for (int j = 0; done < n; j++)
        {
            int end = j < _ends.Length ? Math.Min(_ends[j], n) : n;
            total += (end - done) * _slopes[j];
            done = end;
        }
        return total;
    }

    /// <summary>The loads (at most <paramref name="capacity"/>) at which <paramref name="price"/> lies between the
    /// marginal cost of the last account and that of the next: from the count of accounts cheaper than the price to
    /// the count of accounts not dearer.</summary>
    internal (int Low, int High) LoadsAtPrice(long price, int capacity)
    {
        int low = 0, high = 0, done = 0;
        for (int j = 0; j < _slopes.Length && done < capacity; j++)
        {
            int end = j < _ends.Length ? Math.Min(_ends[j], capacity) : capacity;
            if (_slopes[j] > price) break;
            if (_slopes[j] < price) low = end;
            high = end;
            done = end;
        }
        return (low, high);
    }

    /// <summary>The same shape for a book <paramref name="stride"/> times smaller: segment ends divided (rounded),
    /// slopes kept; segments that shrink to nothing are dropped.</summary>
    internal LoadCost Scaled(int stride)
    {
        var ends = new List<int>();
        var slopes = new List<long> { _slopes[0] };
        for (int j = 0; j < _ends.Length; j++)
        {
            int end = (int)(((long)_ends[j] + stride / 2) / stride);
            if (end <= 0 || (ends.Count > 0 && end <= ends[^1])) slopes[^1] = _slopes[j + 1];
            else
            {
                ends.Add(end);
                slopes.Add(_slopes[j + 1]);
            }
        }
        return Piecewise([.. ends], [.. slopes]);
    }

    /// <inheritdoc/>
    public bool Equals(LoadCost? other) =>
        other is not null && _ends.AsSpan().SequenceEqual(other._ends) && _slopes.AsSpan().SequenceEqual(other._slopes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LoadCost);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int e in _ends) hash.Add(e);
        foreach (long s in _slopes) hash.Add(s);
        return hash.ToHashCode();
    }

    /// <summary>E.g. "0 to 40, 5 to 60, 20": slope per segment with the segment's last account.</summary>
    public override string ToString() =>
        string.Join(", ", _slopes.Select((s, j) => j < _ends.Length ? FormattableString.Invariant($"{s} to {_ends[j]}") : s.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private int Segment(int k)
    {
        int j = 0;
        while (j < _ends.Length && k > _ends[j]) j++;
        return j;
    }
}
