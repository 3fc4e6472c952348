using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Allot.Core.Indicators;

namespace Allot.Import.Importing.Fast;

/// <summary>One worker's per-customer order sums, keyed by the customer key's bytes; merged across workers and
/// turned into <see cref="OrderSummary"/> records equal to what summing the mapped orders as decimals gives.</summary>
/// <remarks>Money is summed as mantissas at each sum's largest scale so far (a value of a larger scale scales the sum
/// up), so the decimal rebuilt at the end has the value and the scale a decimal sum of the same values has. A sum is
/// kept in 64 bits until it would leave them (many decimals, e.g. 22.200000000000003 printed from a float), then in
/// 128 bits beside the table; one that leaves those, or ends with more digits than a decimal holds, throws
/// <see cref="OverflowException"/> and the caller gives up the fast path. One thing
/// a decimal sum keeps that integers do not is the sign of a zero, which depends on the order of the additions; a
/// sum that ends at exactly zero after any negative value makes the caller give up too (<see cref="ToSummaries"/>
/// throws <see cref="OverflowException"/>).</remarks>
internal sealed class OrderSums(int asOfDay, OrderDetail detail)
{
    public const int Amount = 0, Amount365 = 1, Amount180 = 2, Amount90 = 3, AmountPrev365 = 4, Profit = 5, Profit365 = 6, ProfitBase = 7;
    private const int RepurchaseGapDays = 90;

    private readonly ByteKeyTable _keys = new();
    private readonly ByteKeyTable _categories = new();
    private readonly HashSet<long> _moreCategories = [];
    // Sums that left 64 bits, by (customer << 3) | sum.
    private readonly Dictionary<long, Int128> _wide = [];
    private static readonly Int128 MaxMantissa = (Int128)1 << 96;
    // Entries in blocks of fixed size: a growing table adds a block instead of copying every entry into an array
    // twice the size (the copies and the fresh pages they touch cost as much as the summing at a million customers).
    private const int BlockBits = 14, BlockMask = (1 << BlockBits) - 1;
    private Entry[][] _blocks = [Touched(new Entry[1 << BlockBits])];
    private long[] _days = detail.HasFlag(OrderDetail.PurchaseDays) ? new long[1024] : [];
    private int _dayCount;

    /// <summary>Money as a mantissa with its scale (0–18: the value is Mantissa · 10^-Scale) and whether it is negative
    /// (or a negative zero).</summary>
    public readonly record struct Money(long Mantissa, int Scale, bool Negative);

    [InlineArray(8)]
    private struct Units
    {
        private long _element;
    }

    private struct Entry
    {
        public int Orders, Orders365, Orders180, Orders90, FirstDay, LastDay, LastSeenPlusOne, ProfitOrders;
        public Units Sums;
        // Per sum (byte i): its scale (the largest so far) in the low bits, 0x80 once a negative value was added.
        public ulong Meta;
        // Per sum (bit i): kept in 128 bits in _wide instead of Sums.
        public byte Wide;
        public ulong Categories;
    }

    private OrderDetail Detail => detail;

    /// <summary>Customers with an order up to as-of.</summary>
    public int Count => _keys.Count;

    /// <summary>Adds one valid order; one after as-of is skipped without registering its customer.</summary>
    /// <exception cref="OverflowException">A sum leaves the 64-bit range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> customer, int day, Money amount, Money? profit, ReadOnlySpan<byte> category)
    {
        if (day > asOfDay) return;
        int c = _keys.GetOrAdd(customer);
        ref Entry t = ref Grow(c);
        int age = asOfDay - day;
        if (t.Orders == 0 || day < t.FirstDay) t.FirstDay = day;
        if (t.Orders == 0 || day > t.LastDay) t.LastDay = day;
        t.Orders++;
        Sum(ref t, c, Amount, amount);
        if (profit is { } p)
        {
            Sum(ref t, c, Profit, p);
            Sum(ref t, c, ProfitBase, amount);
            t.ProfitOrders++;
            if (age < 365) Sum(ref t, c, Profit365, p);
        }
        // Windows are (asOf − N, asOf], as in the calculator.
        if (age < 365)
        {
            Sum(ref t, c, Amount365, amount);
            t.Orders365++;
            if (age < 180)
            {
                Sum(ref t, c, Amount180, amount);
                t.Orders180++;
                if (age < 90)
                {
                    Sum(ref t, c, Amount90, amount);
                    t.Orders90++;
                }
            }
        }
        else if (age < 730)
        {
            Sum(ref t, c, AmountPrev365, amount);
        }

        if (!category.IsEmpty && detail.HasFlag(OrderDetail.Categories)) AddCategory(ref t, c, _categories.GetOrAdd(category));
        if (_days.Length > 0 && t.LastSeenPlusOne != day + 1)
        {
            t.LastSeenPlusOne = day + 1;
            AddDay(c, day);
        }
    }

    /// <summary>Adds another worker's sums (of other rows of the same file) to these.</summary>
    /// <exception cref="OverflowException">A sum leaves the 64-bit range.</exception>
    public void Merge(OrderSums other)
    {
        var categoryOf = new int[other._categories.Count];
        for (int k = 0; k < categoryOf.Length; k++) categoryOf[k] = _categories.GetOrAdd(other._categories.KeyOf(k));
        var customerOf = new int[other.Count];
        for (int j = 0; j < customerOf.Length; j++)
        {
            int c = _keys.GetOrAdd(other._keys.KeyOf(j));
            customerOf[j] = c;
            ref Entry t = ref Grow(c);
            ref Entry o = ref other.At(j);
            if (t.Orders == 0)
            {
                t = o;
                t.Categories = 0; // ids differ between workers: added back below
                t.LastSeenPlusOne = 0;
                for (int i = 0; i < 8; i++)
                    if ((o.Wide >> i & 1) != 0) _wide[Key(c, i)] = other._wide[Key(j, i)];
            }
            else
            {
                Fold(ref t, c, other, j);
            }
            for (ulong bits = o.Categories; bits != 0; bits &= bits - 1)
                AddCategory(ref t, c, categoryOf[BitOperations.TrailingZeroCount(bits)]);
        }
        foreach (long pair in other._moreCategories)
            AddCategory(ref At(customerOf[(int)(pair >> 32)]), customerOf[(int)(pair >> 32)], categoryOf[(int)(uint)pair]);
        for (int k = 0; k < other._dayCount; k++)
        {
            long entry = other._days[k];
            AddDay(customerOf[(int)(entry >> 32)], (int)(uint)entry);
        }
    }

    // Adds customer j of another worker's sums into customer c's entry here (counts, first and last day, money sums).
    private void Fold(ref Entry t, int c, OrderSums other, int j)
    {
        ref Entry o = ref other.At(j);
        t.FirstDay = Math.Min(t.FirstDay, o.FirstDay);
        t.LastDay = Math.Max(t.LastDay, o.LastDay);
        t.Orders += o.Orders;
        t.Orders365 += o.Orders365;
        t.Orders180 += o.Orders180;
        t.Orders90 += o.Orders90;
        t.ProfitOrders += o.ProfitOrders;
        for (int i = 0; i < 8; i++)
        {
            var meta = (byte)(o.Meta >> (8 * i));
            if ((o.Wide >> i & 1) != 0) WideSum(ref t, c, i, other._wide[Key(j, i)], meta & 0x7F, (meta & 0x80) != 0);
            else Sum(ref t, c, i, new Money(o.Sums[i], meta & 0x7F, (meta & 0x80) != 0));
        }
    }

    /// <summary>The summaries of several workers' sums of one file: the same as merging them all into the first and
    /// calling <see cref="ToSummaries()"/>.</summary>
    /// <remarks>When only sums are kept (no purchase days, no categories), no key is inserted again: each worker's keys
    /// are sorted (side by side), then walked together in key order, and a customer several workers saw has the
    /// later ones' sums folded into the first one's.</remarks>
    /// <exception cref="OverflowException">As <see cref="ToSummaries()"/>, or a sum leaves the 64-bit range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<OrderSummary> ToSummaries(IReadOnlyList<OrderSums> parts)
    {
        if (parts.Count == 1 || parts.Any(p => p.Detail != OrderDetail.None))
        {
            foreach (var other in parts.Skip(1)) parts[0].Merge(other);
            return parts[0].ToSummaries();
        }
        var sorted = new int[parts.Count][];
        Parallel.For(0, parts.Count, p => sorted[p] = parts[p]._keys.IdsInKeyOrder());
        var at = new int[parts.Count];
        var whose = new int[parts.Sum(p => p.Count)];
        var ids = new int[whose.Length];
        int n = 0;
        while (true)
        {
            // The part whose next key is the least (the first such part, so equal keys only follow in later parts).
            int best = -1;
            for (int p = 0; p < parts.Count; p++)
            {
                if (at[p] == sorted[p].Length) continue;
                if (best < 0 || parts[p]._keys.KeyOf(sorted[p][at[p]]).SequenceCompareTo(parts[best]._keys.KeyOf(sorted[best][at[best]])) < 0) best = p;
            }
            if (best < 0) break;
            var into = parts[best];
            int id = sorted[best][at[best]++];
            var key = into._keys.KeyOf(id);
            for (int p = best + 1; p < parts.Count; p++)
            {
                if (at[p] == sorted[p].Length || !parts[p]._keys.KeyOf(sorted[p][at[p]]).SequenceEqual(key)) continue;
                into.Fold(ref into.At(id), id, parts[p], sorted[p][at[p]++]);
            }
            (whose[n], ids[n]) = (best, id);
            n++;
        }
        RunInRanges(n, k => parts[whose[k]].Check(ids[k]));
        return new SummaryRows(n, k => parts[whose[k]].Summary(ids[k], [], [], []));
    }

    /// <summary>Summaries made when read (each read makes an equal one): a million customers' summaries held at
    /// once are 170 MB of fresh memory, which costs more than making them.</summary>
    private sealed class SummaryRows(int count, Func<int, OrderSummary> make) : IReadOnlyList<OrderSummary>
    {
        public OrderSummary this[int index] => (uint)index < (uint)count ? make(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => count;

        public IEnumerator<OrderSummary> GetEnumerator()
        {
            for (int i = 0; i < count; i++) yield return make(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // body(k) for k in 0..n, in ranges side by side; an OverflowException comes out as itself.
    private static void RunInRanges(int n, Action<int> body)
    {
        try
        {
            Parallel.For(0, (n + RowsPerRange - 1) / RowsPerRange, range =>
            {
                for (int k = range * RowsPerRange; k < Math.Min(n, (range + 1) * RowsPerRange); k++) body(k);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is OverflowException overflow)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(overflow);
        }
    }

    // Throws when a money sum of customer c cannot become the decimal a decimal sum would be: exactly zero after a
    // negative value (its sign depends on the order of the rows), or a mantissa beyond 96 bits (a decimal sum would
    // have rounded, in an order-dependent way).
    private void Check(int c)
    {
        for (int i = 0; i < 8; i++)
        {
            Int128 mantissa = Mantissa(c, i);
            if (mantissa == 0 && (At(c).Meta >> (8 * i) & 0x80) != 0)
                throw new OverflowException("a money sum is zero after negative values; its decimal sign depends on the order of the rows");
            if (Int128.Abs(mantissa) >= MaxMantissa)
                throw new OverflowException("a money sum needs more digits than a decimal holds");
        }
    }

    private OrderSummary Summary(int c, int[] purchaseDays, int[] repurchaseDays, int[] more)
    {
        ref Entry t = ref At(c);
        return new OrderSummary
        {
            CustomerKey = Encoding.UTF8.GetString(_keys.KeyOf(c)),
            Orders = t.Orders, Orders365 = t.Orders365, Orders180 = t.Orders180, Orders90 = t.Orders90,
            FirstDate = DateOnly.FromDayNumber(t.FirstDay), LastDate = DateOnly.FromDayNumber(t.LastDay),
            PurchaseDays = purchaseDays.Length == 0 ? 0 : purchaseDays[c],
            RepurchaseDays = repurchaseDays.Length == 0 ? 0 : repurchaseDays[c],
            Categories = BitOperations.PopCount(t.Categories) + (more.Length == 0 ? 0 : more[c]),
            ProfitOrders = t.ProfitOrders,
            Amount = Decimal(c, Amount), Amount365 = Decimal(c, Amount365), Amount180 = Decimal(c, Amount180),
            Amount90 = Decimal(c, Amount90), AmountPrev365 = Decimal(c, AmountPrev365),
            Profit = Decimal(c, Profit), Profit365 = Decimal(c, Profit365), ProfitBase = Decimal(c, ProfitBase),
        };
    }

    /// <summary>One summary per customer, in the byte order of their keys; purchase days and categories are 0 unless asked
    /// for in the detail.</summary>
    /// <exception cref="OverflowException">A sum is exactly zero after a negative value: its decimal sign is
    /// not known here.</exception>
    public IReadOnlyList<OrderSummary> ToSummaries()
    {
        int n = Count;
        var (purchaseDays, repurchaseDays) = PurchaseDays(n);
        var more = new int[_moreCategories.Count == 0 ? 0 : n];
        foreach (long pair in _moreCategories) more[(int)(pair >> 32)]++;
        // Checked up front, so a caller that must fall back learns it before using any summary.
        RunInRanges(n, Check);
        // One per customer in key order (so the indicator table need not sort them), made in ranges side by side.
        int[] order = _keys.IdsInKeyOrder();
        return new SummaryRows(n, k => Summary(order[k], purchaseDays, repurchaseDays, more));
    }

    private const int RowsPerRange = 65_536;

    /// <summary>The array with every page written once (zeros). A fresh page that is first read is mapped to the
    /// kernel's shared zero page, and the first write then faults again and flushes the page from every core's TLB (an
    /// interrupt to each core running a thread of this process); entries are read before they are written.</summary>
    internal static T[] Touched<T>(T[] array)
    {
        Array.Clear(array);
        return array;
    }

    private ref Entry At(int c) => ref _blocks[c >> BlockBits][c & BlockMask];

    // The entry of customer c, a block added when c is the first of a new one (ids come in order: 0, 1, 2…).
    private ref Entry Grow(int c)
    {
        int block = c >> BlockBits;
        if (block == _blocks.Length) Array.Resize(ref _blocks, block * 2);
        _blocks[block] ??= Touched(new Entry[1 << BlockBits]);
        return ref _blocks[block][c & BlockMask];
    }

    private static long Key(int customer, int sum) => ((long)customer << 3) | (uint)sum;

    private Int128 Mantissa(int c, int i) => (At(c).Wide >> i & 1) != 0 ? _wide[Key(c, i)] : At(c).Sums[i];

    private decimal Decimal(int c, int i)
    {
        Int128 mantissa = Mantissa(c, i);
        int scale = (int)(At(c).Meta >> (8 * i)) & 0x7F;
        var magnitude = (UInt128)Int128.Abs(mantissa);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), mantissa < 0, (byte)scale);
    }

    // The common case inline (a narrow sum of the value's scale that stays in 64 bits); anything else in SumOther.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Sum(ref Entry t, int c, int i, Money value)
    {
        if ((t.Wide >> i & 1) == 0 && ((int)(t.Meta >> (8 * i)) & 0x7F) == value.Scale)
        {
            long sum = t.Sums[i], added = value.Mantissa, total = sum + added;
            if (((sum ^ total) & (added ^ total)) >= 0) // no overflow
            {
                t.Sums[i] = total;
                if (value.Negative) t.Meta |= 0x80UL << (8 * i);
                return;
            }
        }
        SumOther(ref t, c, i, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SumOther(ref Entry t, int c, int i, Money value)
    {
        if ((t.Wide >> i & 1) == 0)
        {
            int scale = (int)(t.Meta >> (8 * i)) & 0x7F;
            long sum = t.Sums[i], added = value.Mantissa;
            if (value.Scale == scale)
            {
                long total = sum + added;
                if (((sum ^ total) & (added ^ total)) >= 0) // no overflow
                {
                    t.Sums[i] = total;
                    if (value.Negative) t.Meta |= 0x80UL << (8 * i);
                    return;
                }
            }
            else if (sum == 0 && scale < value.Scale)
            {
                // The first value of a sum (or any after a zero sum): aligning a zero changes nothing.
                t.Sums[i] = added;
                SetMeta(ref t, i, value.Scale, value.Negative);
                return;
            }
            else
            {
                // Scales differ (rare): aligned in 128 bits, which cannot overflow here, and kept narrow if it fits.
                int to = Math.Max(scale, value.Scale);
                Int128 total = (Int128)sum * FieldBytes.Pow10[to - scale] + (Int128)added * FieldBytes.Pow10[to - value.Scale];
                if (total >= long.MinValue && total <= long.MaxValue)
                {
                    t.Sums[i] = (long)total;
                    SetMeta(ref t, i, to, value.Negative);
                    return;
                }
            }
            // Leaves 64 bits: kept wide from here on.
            t.Wide |= (byte)(1 << i);
            _wide[Key(c, i)] = sum;
            t.Sums[i] = 0;
        }
        WideSum(ref t, c, i, value.Mantissa, value.Scale, value.Negative);
    }

    private void WideSum(ref Entry t, int c, int i, Int128 added, int addedScale, bool negative)
    {
        if ((t.Wide >> i & 1) == 0)
        {
            t.Wide |= (byte)(1 << i);
            _wide[Key(c, i)] = t.Sums[i];
            t.Sums[i] = 0;
        }
        int scale = (int)(t.Meta >> (8 * i)) & 0x7F;
        int to = Math.Max(scale, addedScale);
        ref Int128 sum = ref CollectionsMarshal.GetValueRefOrNullRef(_wide, Key(c, i));
        sum = checked(sum * FieldBytes.Pow10[to - scale] + added * FieldBytes.Pow10[to - addedScale]);
        SetMeta(ref t, i, to, negative);
    }

    private static void SetMeta(ref Entry t, int i, int scale, bool negative)
    {
        int shift = 8 * i;
        ulong meta = (t.Meta >> shift) & 0xFF;
        ulong updated = (ulong)(uint)scale | (meta & 0x80) | (negative ? 0x80UL : 0);
        t.Meta = (t.Meta & ~(0xFFUL << shift)) | (updated << shift);
    }

    private void AddCategory(ref Entry t, int customer, int id)
    {
        if (id < 64) t.Categories |= 1UL << id;
        else _moreCategories.Add(((long)customer << 32) | (uint)id);
    }

    private void AddDay(int customer, int day)
    {
        if (_dayCount == _days.Length) Array.Resize(ref _days, Math.Max(1024, _days.Length * 2));
        _days[_dayCount++] = ((long)customer << 32) | (uint)day;
    }

    // As the calculator counts them: distinct days per customer, and those within 90 days of the previous one.
    private (int[] Days, int[] Repurchases) PurchaseDays(int n)
    {
        if (!detail.HasFlag(OrderDetail.PurchaseDays)) return ([], []);
        Array.Sort(_days, 0, _dayCount);
        var count = new int[n];
        var hits = new int[n];
        long previous = -1;
        for (int k = 0; k < _dayCount; k++)
        {
            long entry = _days[k];
            if (entry == previous) continue;
            int c = (int)(entry >> 32);
            if (previous >= 0 && (int)(previous >> 32) == c && (int)(uint)entry - (int)(uint)previous <= RepurchaseGapDays) hits[c]++;
            count[c]++;
            previous = entry;
        }
        return (count, hits);
    }
}
