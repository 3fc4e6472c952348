using Allot.Core.Sales;

namespace Allot.Core.Value;

/// <summary>Every customer's purchase history condensed to what the value models read: frequency x, recency tₓ, age T,
/// mean repeat spend, and the holdout period's purchases for model checking. One row per customer, in ordinal key
/// order.</summary>
/// <remarks>
/// <para>Conventions (those that turn CDNOW_sample.txt into the published summary exactly): all of a customer's
/// orders on one calendar day are one purchase (amounts summed); the first purchase starts the customer's clock;
/// x = purchase days in the calibration period − 1; tₓ = last calibration purchase − first purchase and T =
/// calibration end − first purchase, in the time unit (days / 1, 7 or 30.4375); zbar = mean amount of the repeat
/// purchases (the first excluded), 0 when x = 0.</para>
/// <para>Customers whose first purchase is after the calibration end are left out (counted in
/// <see cref="LaterCustomers"/>); orders after the holdout end are ignored. Every order counts as a purchase,
/// whatever its amount. Sums are exact (amounts are kept to 4 decimal places as integers).</para>
/// <para>For the discrete-time BG/BB the same orders also give, per customer, the number of whole periods of one
/// time unit since the first purchase up to the calibration end (n, the transaction opportunities), how many of
/// them had a purchase (x) and the last such period (tₓ): period i covers the days (first + (i−1)·u, first + i·u].</para>
/// </remarks>
public sealed class CustomerSummaries
{
    private CustomerSummaries(TimeUnit unit, DateOnly calibrationEnd, DateOnly? holdoutEnd, string[] keys)
    {
        Unit = unit;
        CalibrationEnd = calibrationEnd;
        HoldoutEnd = holdoutEnd;
        KeyArray = keys;
        int n = keys.Length;
        XArray = new int[n];
        TxArray = new double[n];
        TArray = new double[n];
        ZbarArray = new double[n];
        SpendArray = new double[n];
        HoldoutArray = new int[n];
        HoldoutSpendArray = new double[n];
        FirstDayArray = new int[n];
        PeriodsArray = new int[n];
        ActivePeriodsArray = new int[n];
        LastPeriodArray = new int[n];
    }

    /// <summary>The time unit of tₓ and T.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Last calibration day (inclusive).</summary>
    public DateOnly CalibrationEnd { get; }

    /// <summary>Last holdout day (inclusive), or null without a holdout period.</summary>
    public DateOnly? HoldoutEnd { get; }

    /// <summary>Length of the holdout period in the time unit (0 without one).</summary>
    public double HoldoutLength => HoldoutEnd is { } h ? TimeUnits.FromDays(h.DayNumber - CalibrationEnd.DayNumber, Unit) : 0;

    /// <summary>Customers.</summary>
    public int Count => KeyArray.Length;

    /// <summary>Customers left out because their first purchase is after the calibration end.</summary>
    public int LaterCustomers { get; private set; }

    /// <summary>Customer keys, ordinal order.</summary>
    public IReadOnlyList<string> Keys => KeyArray;

    /// <summary>Repeat purchases in the calibration period.</summary>
    public IReadOnlyList<int> X => XArray;

    /// <summary>Time of the last calibration purchase after the first (0 when x = 0).</summary>
    public IReadOnlyList<double> Tx => TxArray;

    /// <summary>Time from the first purchase to the calibration end.</summary>
    public IReadOnlyList<double> T => TArray;

    /// <summary>Mean amount of the repeat purchases in the calibration period (0 when x = 0).</summary>
    public IReadOnlyList<double> MeanRepeatSpend => ZbarArray;

    /// <summary>Total amount in the calibration period, first purchase included (the historic value).</summary>
    public IReadOnlyList<double> CalibrationSpend => SpendArray;

    /// <summary>Purchase days in the holdout period.</summary>
    public IReadOnlyList<int> HoldoutPurchases => HoldoutArray;

    /// <summary>Amount in the holdout period.</summary>
    public IReadOnlyList<double> HoldoutSpend => HoldoutSpendArray;

    /// <summary>The first purchase date.</summary>
    public DateOnly FirstPurchase(int row) => DateOnly.FromDayNumber(FirstDayArray[row]);

    /// <summary>BG/BB: whole periods from the first purchase to the calibration end (transaction opportunities n).</summary>
    public IReadOnlyList<int> Periods => PeriodsArray;

    /// <summary>BG/BB: periods among <see cref="Periods"/> with at least one purchase (x).</summary>
    public IReadOnlyList<int> ActivePeriods => ActivePeriodsArray;

    /// <summary>BG/BB: the last period with a purchase (tₓ; 0 when none).</summary>
    public IReadOnlyList<int> LastActivePeriod => LastPeriodArray;

    /// <summary>Repeat purchase days of all customers per calendar day, from <see cref="FirstDate"/> to the holdout
    /// (or calibration) end: the actual line of the tracking chart.</summary>
    public IReadOnlyList<int> RepeatPurchasesByDay => RepeatsByDay;

    /// <summary>The first day of <see cref="RepeatPurchasesByDay"/> (the earliest first purchase).</summary>
    public DateOnly FirstDate { get; private set; }

    internal string[] KeyArray { get; }
    internal int[] XArray { get; }
    internal double[] TxArray { get; }
    internal double[] TArray { get; }
    internal double[] ZbarArray { get; }
    internal double[] SpendArray { get; }
    internal int[] HoldoutArray { get; }
    internal double[] HoldoutSpendArray { get; }
    internal int[] FirstDayArray { get; }
    internal int[] PeriodsArray { get; }
    internal int[] ActivePeriodsArray { get; }
    internal int[] LastPeriodArray { get; }
    internal int[] RepeatsByDay { get; private set; } = [];

    /// <summary>The row of a customer, or −1.</summary>
    public int RowOf(string key)
    {
        int i = Array.BinarySearch(KeyArray, key, StringComparer.Ordinal);
        return i >= 0 ? i : -1;
    }

    /// <summary>Histories from orders.</summary>
    public static CustomerSummaries FromOrders(IEnumerable<Order> orders, SummaryOptions? options = null) =>
        FromPurchases(orders.Select(o => new Purchase(o.CustomerKey, o.Date, o.Amount)), options);

    /// <summary>Histories from purchases (any order; read once).</summary>
    /// <exception cref="ArgumentException">There are no purchases on or before the calibration end, or the holdout end
    /// is given but not after the calibration end.</exception>
    public static CustomerSummaries FromPurchases(IEnumerable<Purchase> purchases, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        options ??= new SummaryOptions();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var keys = new List<long>();
        var amounts = new List<long>();
        int latest = int.MinValue;
        foreach (var p in purchases)
        {
            if (!index.TryGetValue(p.CustomerKey, out int c))
            {
                c = names.Count;
                index.Add(p.CustomerKey, c);
                names.Add(p.CustomerKey);
            }
            int day = p.Date.DayNumber;
            latest = Math.Max(latest, day);
            keys.Add(((long)c << 32) | (uint)day);
            amounts.Add((long)decimal.Round(p.Amount * 10_000m, MidpointRounding.AwayFromZero));
        }
        if (names.Count == 0) throw new ArgumentException("no orders to summarise");
        int calEnd = options.CalibrationEnd?.DayNumber ?? latest;
        int? holdEnd = options.HoldoutEnd?.DayNumber ?? (latest > calEnd ? latest : null);
        if (options.HoldoutEnd is { } h && h.DayNumber <= calEnd)
            throw new ArgumentException($"the holdout end {h:yyyy-MM-dd} is not after the calibration end {DateOnly.FromDayNumber(calEnd):yyyy-MM-dd}");
        int lastDay = holdEnd ?? calEnd;

        // Rank customers by key so rows come out in ordinal order whatever order the orders came in.
        var order = Enumerable.Range(0, names.Count).ToArray();
        var sortedNames = names.ToArray();
        Array.Sort(sortedNames, order, StringComparer.Ordinal);
        var rank = new int[names.Count];
        for (int i = 0; i < order.Length; i++) rank[order[i]] = i;
        var keyArray = keys.ToArray();
        var amountArray = amounts.ToArray();
        keys.Clear();
        amounts.Clear();
        for (int i = 0; i < keyArray.Length; i++) keyArray[i] = ((long)rank[(int)(keyArray[i] >> 32)] << 32) | (keyArray[i] & 0xFFFFFFFFL);
        Array.Sort(keyArray, amountArray);

        var included = new List<int>();
        var rows = new List<Row>();
        int firstDate = int.MaxValue;
        for (int i = 0; i < keyArray.Length;)
        {
            int c = (int)(keyArray[i] >> 32);
            int j = i;
            while (j < keyArray.Length && (int)(keyArray[j] >> 32) == c) j++;
            int first = (int)(keyArray[i] & 0xFFFFFFFFL);
            if (first <= calEnd)
            {
                included.Add(c);
                rows.Add(new Row(i, j));
                firstDate = Math.Min(firstDate, first);
            }
            i = j;
        }
        if (included.Count == 0)
            throw new ArgumentException($"no customer has a purchase on or before the calibration end {DateOnly.FromDayNumber(calEnd):yyyy-MM-dd}");

        var s = new CustomerSummaries(options.Unit, DateOnly.FromDayNumber(calEnd), holdEnd is { } he ? DateOnly.FromDayNumber(he) : null,
            [.. included.Select(c => sortedNames[c])]);
        s.LaterCustomers = names.Count - included.Count;
        s.FirstDate = DateOnly.FromDayNumber(firstDate);
        s.RepeatsByDay = new int[lastDay - firstDate + 1];
        double unitDays = TimeUnits.Days(options.Unit);
        for (int r = 0; r < rows.Count; r++) s.Fill(r, rows[r], keyArray, amountArray, calEnd, lastDay, firstDate, unitDays);
        return s;
    }

    /// <summary>Histories given directly (e.g. a published summary file); no holdout, no purchase dates.</summary>
    /// <exception cref="ArgumentException">Lengths differ or keys repeat.</exception>
    public static CustomerSummaries Create(TimeUnit unit, DateOnly calibrationEnd, IReadOnlyList<string> keys, IReadOnlyList<int> x,
        IReadOnlyList<double> tx, IReadOnlyList<double> t, IReadOnlyList<double>? meanRepeatSpend = null)
    {
        int n = keys.Count;
        if (x.Count != n || tx.Count != n || t.Count != n || (meanRepeatSpend is not null && meanRepeatSpend.Count != n))
            throw new ArgumentException("one value per customer is needed in every column");
        var order = Enumerable.Range(0, n).ToArray();
        var sorted = keys.ToArray();
        Array.Sort(sorted, order, StringComparer.Ordinal);
        for (int i = 1; i < n; i++)
            if (sorted[i] == sorted[i - 1]) throw new ArgumentException($"customer key {sorted[i]} appears twice");
        var s = new CustomerSummaries(unit, calibrationEnd, null, sorted);
        for (int i = 0; i < n; i++)
        {
            int k = order[i];
            s.XArray[i] = x[k];
            s.TxArray[i] = tx[k];
            s.TArray[i] = t[k];
            double z = meanRepeatSpend?[k] ?? 0;
            s.ZbarArray[i] = z;
            s.SpendArray[i] = z * x[k];
            s.FirstDayArray[i] = calibrationEnd.DayNumber - (int)Math.Round(t[k] * TimeUnits.Days(unit));
        }
        s.FirstDate = calibrationEnd;
        return s;
    }

    private void Fill(int row, Row span, long[] keys, long[] amounts, int calEnd, int lastDay, int firstDate, double unitDays)
    {
        int first = (int)(keys[span.Start] & 0xFFFFFFFFL);
        FirstDayArray[row] = first;
        int x = 0, holdout = 0, lastCal = first, activePeriods = 0, lastPeriod = 0;
        long spend = 0, repeatSpend = 0, holdoutSpend = 0;
        int periods = (int)Math.Floor((calEnd - first) / unitDays);
        for (int i = span.Start; i < span.End;)
        {
            int day = (int)(keys[i] & 0xFFFFFFFFL);
            long amount = 0;
            while (i < span.End && (int)(keys[i] & 0xFFFFFFFFL) == day) amount += amounts[i++];
            if (day > lastDay) break;
            if (day != first) RepeatsByDay[day - firstDate]++;
            if (day <= calEnd)
            {
                spend += amount;
                if (day == first) continue;
                x++;
                repeatSpend += amount;
                lastCal = day;
                int period = (int)Math.Ceiling((day - first) / unitDays);
                if (period <= periods && period != lastPeriod)
                {
                    activePeriods++;
                    lastPeriod = period;
                }
            }
            else
            {
                holdout++;
                holdoutSpend += amount;
            }
        }
        XArray[row] = x;
        TxArray[row] = (lastCal - first) / unitDays;
        TArray[row] = (calEnd - first) / unitDays;
        ZbarArray[row] = x == 0 ? 0 : repeatSpend / 10_000.0 / x;
        SpendArray[row] = spend / 10_000.0;
        HoldoutArray[row] = holdout;
        HoldoutSpendArray[row] = holdoutSpend / 10_000.0;
        PeriodsArray[row] = periods;
        ActivePeriodsArray[row] = activePeriods;
        LastPeriodArray[row] = lastPeriod;
    }

    private readonly record struct Row(int Start, int End);
}
