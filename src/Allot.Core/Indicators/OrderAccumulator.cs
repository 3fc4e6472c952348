using Allot.Core.Sales;
using System.Runtime.CompilerServices;

namespace Allot.Core.Indicators;

/// <summary>Streams orders once into per-customer totals and writes the transaction columns.</summary>
/// <remarks>Memory is one <see cref="OrderTotals"/> per customer plus one <see cref="long"/> per change of
/// (customer, date) in the stream: distinct purchase dates cannot be counted exactly from an unsorted stream
/// without remembering them, so they are kept as packed numbers (no objects) and sorted once at the end. On a
/// stream sorted by date or by customer that is one entry per purchase day.</remarks>
internal sealed class OrderAccumulator(CustomerIndex index, int asOfDay)
{
    /// <summary>A purchase day counts as a repurchase when it comes at most this many days after the previous one.</summary>
    public const int RepurchaseGapDays = 90;

    // Mean Gregorian month; tenure in months is tenure days over this.
    private const double DaysPerMonth = 365.25 / 12;

    private OrderTotals[] _totals = [];
    private long[] _days = new long[1024];
    private int _dayCount;
    private readonly Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    private readonly HashSet<long> _moreCategories = [];
    // Customers given as summaries: their purchase days, repurchase days and categories, counted already.
    private int[] _summaryDays = [];
    private int[] _summaryRepurchases = [];
    private int[] _summaryCategories = [];

    /// <summary>Adds one order; orders after the as-of date are skipped without registering their customer.</summary>
    public void Add(Order order)
    {
        int day = order.Date.DayNumber;
        if (day > asOfDay) return;
        int c = index.Register(order.CustomerKey);
        index.Fit(ref _totals);
        ref OrderTotals t = ref _totals[c];
        int age = asOfDay - day;
        decimal amount = order.Amount;

        if (t.Orders == 0 || day < t.FirstDay) t.FirstDay = day;
        if (t.Orders == 0 || day > t.LastDay) t.LastDay = day;
        t.Orders++;
        t.Amount += amount;
        if (order.Profit is decimal profit)
        {
            t.Profit += profit;
            t.ProfitBase += amount;
            t.ProfitOrders++;
            if (age < 365) t.Profit365 += profit;
        }
        // Windows are (asOf − N, asOf]: an order N days before as-of is already outside.
        if (age < 365)
        {
            t.Amount365 += amount;
            t.Orders365++;
            if (age < 180)
            {
                t.Amount180 += amount;
                t.Orders180++;
                if (age < 90)
                {
                    t.Amount90 += amount;
                    t.Orders90++;
                }
            }
        }
        else if (age < 730)
        {
            t.AmountPrev365 += amount;
        }

        if (!string.IsNullOrWhiteSpace(order.Category))
        {
            if (!_categoryIds.TryGetValue(order.Category, out int id))
            {
                id = _categoryIds.Count;
                _categoryIds.Add(order.Category, id);
            }
            if (id < 64) t.Categories |= 1UL << id;
            else _moreCategories.Add(((long)c << 32) | (uint)id);
        }

        if (t.LastSeenPlusOne != day + 1)
        {
            t.LastSeenPlusOne = day + 1;
            if (_dayCount == _days.Length) Array.Resize(ref _days, _days.Length * 2);
            _days[_dayCount++] = ((long)c << 32) | (uint)day;
        }
    }

    /// <summary>Adds one customer's orders, summed elsewhere: at most one summary per customer, who must not also come as orders.</summary>
    public void Add(OrderSummary s)
    {
        int c = index.RegisterDistinct(s.CustomerKey);
        index.Fit(ref _totals);
        index.Fit(ref _summaryDays);
        index.Fit(ref _summaryRepurchases);
        index.Fit(ref _summaryCategories);
        Set(c, s);
    }

    /// <summary>Adds summaries as <see cref="Add(OrderSummary)"/> does one by one, when no customer is known yet: their
    /// keys become rows 0…n−1 at once and the totals are copied in ranges side by side, each summary read once (a
    /// list may make them as they are read).</summary>
    public void AddFirst(IReadOnlyList<OrderSummary> summaries)
    {
        if (index.Count != 0) throw new InvalidOperationException("summaries come first only into an empty index");
        int n = summaries.Count;
        var keys = new string[n];
        _totals = new OrderTotals[n];
        _summaryDays = new int[n];
        _summaryRepurchases = new int[n];
        _summaryCategories = new int[n];
        Parallel.For(0, (n + RowsPerRange - 1) / RowsPerRange, new ParallelOptions { MaxDegreeOfParallelism = n < 2 * RowsPerRange ? 1 : -1 }, range =>
        {
            for (int c = range * RowsPerRange; c < Math.Min(n, (range + 1) * RowsPerRange); c++)
            {
                var s = summaries[c];
                keys[c] = s.CustomerKey;
                Set(c, s);
            }
        });
        index.EnsureCapacity(n);
        foreach (string key in keys) index.RegisterDistinct(key);
    }

    private void Set(int c, OrderSummary s)
    {
        _totals[c] = new OrderTotals
        {
            Orders = s.Orders, Orders365 = s.Orders365, Orders180 = s.Orders180, Orders90 = s.Orders90,
            FirstDay = s.FirstDate.DayNumber, LastDay = s.LastDate.DayNumber, ProfitOrders = s.ProfitOrders,
            Amount = s.Amount, Amount365 = s.Amount365, Amount180 = s.Amount180, Amount90 = s.Amount90, AmountPrev365 = s.AmountPrev365,
            Profit = s.Profit, Profit365 = s.Profit365, ProfitBase = s.ProfitBase,
        };
        _summaryDays[c] = s.PurchaseDays;
        _summaryRepurchases[c] = s.RepurchaseDays;
        _summaryCategories[c] = s.Categories;
    }

    /// <summary>Writes the transaction columns for <paramref name="n"/> customers: those in <paramref name="wanted"/>, or all.</summary>
    public void Write(Dictionary<string, double[]> numbers, int n, IReadOnlySet<string>? wanted = null)
    {
        Array.Resize(ref _totals, n);
        Array.Resize(ref _summaryCategories, n);
        var (purchaseDays, repurchaseRate) = PurchaseDays(n);
        var breadthExtra = new int[n];
        foreach (long pair in _moreCategories) breadthExtra[(int)(pair >> 32)]++;

        // Only the columns wanted are made (the decimal divisions behind margin, average and growth cost).
        double[]? Column(string name) => wanted is null || wanted.Contains(name) ? numbers[name] = new double[n] : null;
        var firstOrderDays = Column("first_order_days");
        var recency = Column("recency_days");
        var tenure = Column("tenure_days");
        var orders = Column("orders");
        var purchase = Column("purchase_days");
        var perMonth = Column("orders_per_month");
        var amount = Column("amount");
        var profit = Column("profit");
        var amount365 = Column("amount_365");
        var amount180 = Column("amount_180");
        var amount90 = Column("amount_90");
        var profit365 = Column("profit_365");
        var orders365 = Column("orders_365");
        var orders180 = Column("orders_180");
        var orders90 = Column("orders_90");
        var margin = Column("margin");
        var average = Column("avg_order_value");
        var breadth = Column("category_breadth");
        var growth = Column("growth_365");
        var amountPrev = Column("amount_prev_365");
        if (wanted is null || wanted.Contains("repurchase_rate")) numbers["repurchase_rate"] = repurchaseRate;

        // Rows are independent: large tables are written in ranges side by side (the decimal arithmetic is the cost).
        var totals = _totals;
        var summaryCategories = _summaryCategories;
        Parallel.For(0, (n + RowsPerRange - 1) / RowsPerRange, new ParallelOptions { MaxDegreeOfParallelism = n < 2 * RowsPerRange ? 1 : -1 },
            range => WriteRange(range * RowsPerRange, Math.Min(n, (range + 1) * RowsPerRange)));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void WriteRange(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                ref OrderTotals t = ref totals[i];
                bool any = t.Orders > 0;
                double tenureDays = any ? asOfDay - t.FirstDay : double.NaN;
                if (firstOrderDays is not null) firstOrderDays[i] = tenureDays;
                if (tenure is not null) tenure[i] = tenureDays;
                if (recency is not null) recency[i] = any ? asOfDay - t.LastDay : double.NaN;
                if (orders is not null) orders[i] = t.Orders;
                if (purchase is not null) purchase[i] = purchaseDays[i];
                if (perMonth is not null) perMonth[i] = any ? t.Orders / Math.Max(tenureDays / DaysPerMonth, 1.0) : 0;
                if (amount is not null) amount[i] = (double)t.Amount;
                if (profit is not null) profit[i] = t.ProfitOrders > 0 ? (double)t.Profit : any ? double.NaN : 0;
                if (amount365 is not null) amount365[i] = (double)t.Amount365;
                if (amount180 is not null) amount180[i] = (double)t.Amount180;
                if (amount90 is not null) amount90[i] = (double)t.Amount90;
                if (profit365 is not null) profit365[i] = (double)t.Profit365;
                if (orders365 is not null) orders365[i] = t.Orders365;
                if (orders180 is not null) orders180[i] = t.Orders180;
                if (orders90 is not null) orders90[i] = t.Orders90;
                if (margin is not null) margin[i] = t.ProfitOrders > 0 && t.ProfitBase != 0 ? (double)(t.Profit / t.ProfitBase) : double.NaN;
                if (average is not null) average[i] = any ? (double)(t.Amount / t.Orders) : double.NaN;
                if (breadth is not null) breadth[i] = System.Numerics.BitOperations.PopCount(t.Categories) + breadthExtra[i] + summaryCategories[i];
                if (amountPrev is not null) amountPrev[i] = (double)t.AmountPrev365;
                if (growth is not null) growth[i] = t.AmountPrev365 != 0 ? (double)((t.Amount365 - t.AmountPrev365) / t.AmountPrev365) : double.NaN;
            }
        }
    }

    private const int RowsPerRange = 65_536;

    // Sorts the (customer, day) entries once and walks each customer's distinct days in date order.
    private (int[] Days, double[] Rate) PurchaseDays(int n)
    {
        Array.Sort(_days, 0, _dayCount);
        var count = new int[n];
        var hits = new int[n];
        for (int c = 0; c < Math.Min(n, _summaryDays.Length); c++)
        {
            count[c] = _summaryDays[c];
            hits[c] = _summaryRepurchases[c];
        }
        long previous = -1;
        for (int k = 0; k < _dayCount; k++)
        {
            long entry = _days[k];
            if (entry == previous) continue;
            int c = (int)(entry >> 32);
            if (previous >= 0 && (int)(previous >> 32) == c && DayOf(entry) - DayOf(previous) <= RepurchaseGapDays) hits[c]++;
            count[c]++;
            previous = entry;
        }
        var rate = new double[n];
        for (int i = 0; i < n; i++) rate[i] = count[i] >= 2 ? (double)hits[i] / (count[i] - 1) : double.NaN;
        return (count, rate);
    }

    private static int DayOf(long entry) => (int)(entry & uint.MaxValue);
}
