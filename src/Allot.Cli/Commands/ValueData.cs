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
    public ValueSummaryFile? ReadSummaryFile(CliContext ctx) => ctx.Parse.GetValue(Summary) is { } path ? ValueSummaryFile.Read(path) : null;

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
}
