using System.CommandLine;
using System.Globalization;
using Allot.Core.Importing;
using Allot.Core.Sales;
using Allot.Core.Value;
using Allot.Import.Importing;
using Allot.Storage;

namespace Allot.Cli.Commands;

/// <summary>Where <c>allot value fit</c> and <c>allot value report</c> get their data: the store's orders (default), a
/// folder in the canonical layout (<c>--from</c>), a purchases file (<c>--orders</c>) or a ready summary
/// (<c>--summary</c>, e.g. donations.csv); and the options that turn orders into histories.</summary>
internal sealed class ValueData
{
    public Option<string?> From { get; } = new("--from") { Description = "Read orders.csv in this folder (the canonical layout) instead of the store; nothing is stored" };
    public Option<string?> Orders { get; } = new("--orders") { Description = "Read purchases from this CSV/XLSX file (columns customer_id, order_date or date, amount) instead of the store; nothing is stored" };
    public Option<string?> Summary { get; } = new("--summary") { Description = "Read ready histories from a CSV file: x or frequency, t_x or recency, T or periods, optional zbar/monetary_value and weights" };
    public Option<string?> Unit { get; } = new("--unit") { Description = "Time unit of t_x and T: day, week (default) or month" };
    public Option<DateOnly?> CalibrationEnd { get; } = new("--calibration-end") { Description = "Last day of the calibration period (default: the latest order date, i.e. no holdout)" };
    public Option<DateOnly?> HoldoutEnd { get; } = new("--holdout-end") { Description = "Last day of the holdout period (default: the latest order date)" };

    public IEnumerable<Option> All => [From, Orders, Summary, Unit, CalibrationEnd, HoldoutEnd];

    /// <summary>The time unit chosen.</summary>
    public TimeUnit TimeUnitOf(CliContext ctx) => ctx.Parse.GetValue(Unit) is { } text
        ? TimeUnits.Parse(text) ?? throw new UsageException($"--unit: expected day, week or month, not '{text}'")
        : TimeUnit.Week;

    /// <summary>Whether the data comes from the store (so a run can be stored).</summary>
    public bool FromStore(CliContext ctx)
    {
        int given = new[] { ctx.Parse.GetValue(From), ctx.Parse.GetValue(Orders), ctx.Parse.GetValue(Summary) }.Count(v => v is not null);
        if (given > 1) throw new UsageException("give at most one of --from, --orders and --summary");
        return given == 0;
    }

    /// <summary>A summary file, when --summary is given.</summary>
    public SummaryFile? ReadSummaryFile(CliContext ctx) => ctx.Parse.GetValue(Summary) is { } path ? SummaryFile.Read(path) : null;

    /// <summary>Histories from orders (store, folder or file).</summary>
    public CustomerSummaries Load(CliContext ctx, IStore? store)
    {
        var unit = TimeUnitOf(ctx);
        var options = new SummaryOptions { Unit = unit, CalibrationEnd = ctx.Parse.GetValue(CalibrationEnd), HoldoutEnd = ctx.Parse.GetValue(HoldoutEnd) };
        var today = DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime);
        long rejected = 0;
        void Reject(RowReject _) => rejected++;
        IEnumerable<Purchase> purchases;
        string where;
        if (ctx.Parse.GetValue(From) is { } folder)
        {
            string path = Path.Combine(folder, "orders.csv");
            if (!File.Exists(path)) throw new ArgumentException($"{path} not found: --from needs a folder with orders.csv (the layout `allot generate` writes)");
            purchases = ToPurchases(FileRecords.Read<Order>(EntityKind.Orders, path, today, Reject));
            where = path;
        }
        else if (ctx.Parse.GetValue(Orders) is { } file)
        {
            purchases = PurchaseFile.Read(file, today, Reject);
            where = file;
        }
        else
        {
            purchases = ToPurchases(store!.ReadOrders());
            where = "the store";
        }
        CustomerSummaries summaries;
        try
        {
            summaries = CustomerSummaries.FromPurchases(purchases, options);
        }
        catch (ArgumentException e) when (e.Message.StartsWith("no orders", StringComparison.Ordinal))
        {
            throw new ArgumentException($"no orders in {where}: import orders first (allot import orders FILE), or try `allot demo`");
        }
        if (rejected > 0) ctx.Err.WriteLine($"{rejected:N0} row(s) left out as invalid (import them to see each reason)");
        if (summaries.LaterCustomers > 0)
            ctx.Err.WriteLine($"{summaries.LaterCustomers:N0} customer(s) whose first order is after the calibration end {summaries.CalibrationEnd:yyyy-MM-dd} are left out");
        return summaries;
    }

    private static IEnumerable<Purchase> ToPurchases(IEnumerable<Order> orders) => orders.Select(o => new Purchase(o.CustomerKey, o.Date, o.Amount));

    /// <summary>Histories from a summary CSV, in the papers' layouts (CDNOW summaries, donations.csv).</summary>
    internal sealed record SummaryFile(string Path, string[] Keys, int[] X, double[] Tx, double[] T, double[]? MeanSpend, double[]? Weights)
    {
        public static SummaryFile Read(string path)
        {
            using var reader = Importer.Open(path, new ImportOptions());
            var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            int Column(bool required, params string[] names)
            {
                int i = headers.FindIndex(names.Contains);
                if (i < 0 && required)
                    throw new ArgumentException($"{path}: no column {string.Join(" or ", names)}; headers found: {string.Join(", ", reader.Headers)}");
                return i;
            }
            int id = Column(false, "id", "customer_id", "customer"), x = Column(true, "x", "frequency"), tx = Column(true, "t_x", "recency"),
                t = Column(true, "t", "periods", "n", "age"), zbar = Column(false, "zbar", "monetary_value", "mean_spend"),
                w = Column(false, "weights", "weight", "count", "n_custs");
            var keys = new List<string>();
            var xs = new List<int>();
            var txs = new List<double>();
            var ts = new List<double>();
            var zs = new List<double>();
            var ws = new List<double>();
            while (reader.Read(out var row))
            {
                string Cell(int i) => i < row.Fields.Length ? row.Fields[i].Trim() : "";
                double Number(int i, string name) => double.TryParse(Cell(i), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                    ? v : throw new ArgumentException($"{path}, line {row.Line}: {name} '{Cell(i)}' is not a number");
                double xv = Number(x, "x");
                if (xv < 0 || xv != Math.Floor(xv)) throw new ArgumentException($"{path}, line {row.Line}: x must be a whole number ≥ 0");
                keys.Add(id >= 0 ? Cell(id) : row.Line.ToString(CultureInfo.InvariantCulture));
                xs.Add((int)xv);
                txs.Add(Number(tx, "t_x"));
                ts.Add(Number(t, "T"));
                if (zbar >= 0) zs.Add(Number(zbar, "zbar"));
                if (w >= 0) ws.Add(Number(w, "weights"));
            }
            if (xs.Count == 0) throw new ArgumentException($"{path}: no rows");
            return new SummaryFile(path, [.. keys], [.. xs], [.. txs], [.. ts], zbar >= 0 ? [.. zs] : null, w >= 0 ? [.. ws] : null);
        }

        /// <summary>As customer summaries (one row per customer; weighted rows are repeated).</summary>
        public CustomerSummaries ToSummaries(TimeUnit unit, DateOnly calibrationEnd)
        {
            var keys = new List<string>();
            var x = new List<int>();
            var tx = new List<double>();
            var t = new List<double>();
            var z = new List<double>();
            for (int i = 0; i < X.Length; i++)
            {
                double w = Weights?[i] ?? 1;
                if (w != Math.Floor(w) || w < 0) throw new ArgumentException($"{Path}: weights must be whole numbers for this model");
                for (int k = 0; k < w; k++)
                {
                    keys.Add(w == 1 ? Keys[i] : $"{Keys[i]}#{k + 1}");
                    x.Add(X[i]);
                    tx.Add(Tx[i]);
                    t.Add(T[i]);
                    z.Add(MeanSpend?[i] ?? 0);
                }
            }
            return CustomerSummaries.Create(unit, calibrationEnd, keys, x, tx, t, z);
        }
    }
}
