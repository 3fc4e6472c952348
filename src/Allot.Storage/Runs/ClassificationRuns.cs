using Allot.Core.Classification;
using Allot.Core.Classification.Lifecycle;
using Allot.Core.Classification.Schemes;
using Allot.Core.Indicators;
using Allot.Core.Sales;
using Allot.Core.Value;

namespace Allot.Storage.Runs;

/// <summary>Classifying the store's book: its indicators (with the value indicators when a scheme reads them), a
/// scheme run over them, the run stored, and the figures per class — what <c>allot classify</c> and the server's
/// <c>POST /api/classification/runs</c> both do.</summary>
public static class ClassificationRuns
{
    /// <summary>Indicators of every customer in the store: computed by the store when it can (PostgreSQL: GROUP BY
    /// in SQL), else by streaming its records through the calculator. The table is the same either way.</summary>
    public static IndicatorTable Indicators(IStore store, DateOnly? asOf) => store is IIndicatorSource source
        ? source.ComputeIndicators(asOf)
        : StreamIndicators(store, asOf);

    /// <summary>Indicators from the store's records, streamed through the calculator (once: the default as-of date,
    /// the latest order date, is asked of the store).</summary>
    public static IndicatorTable StreamIndicators(IStore store, DateOnly? asOf) => IndicatorCalculator.Compute(new IndicatorInput
    {
        Customers = store.ReadCustomers(),
        Orders = store.ReadOrders(),
        Invoices = store.ReadInvoices(),
        Payments = store.ReadPayments(),
        Interactions = store.ReadInteractions(),
        Feedback = store.ReadFeedback(),
    }, asOf ?? store.LatestOrderDate());

    /// <summary>The table with p_alive, exp_purchases_90d, exp_spend and clv_12m added: BG/NBD and Gamma-Gamma fitted
    /// on the orders up to the table's as-of date (weeks); <paramref name="note"/> is told how the fit went.</summary>
    /// <exception cref="ArgumentException">No order by the as-of date.</exception>
    public static IndicatorTable WithValueIndicators(IndicatorTable table, IEnumerable<Order> orders, Action<string>? note = null)
    {
        var (result, fit) = ValueIndicators.Compute(table, orders);
        note?.Invoke($"value indicators: BG/NBD fitted on {fit.Customers:N0} customers' orders up to {table.AsOf:yyyy-MM-dd} (log-likelihood {fit.LogLikelihood:0.0}{(fit.Converged ? "" : ", NOT converged")})");
        return result;
    }

    /// <summary>Runs a scheme over the store's book at an as-of date (default: the scheme's, else the latest order
    /// date), adding the value indicators first when the scheme reads any.</summary>
    /// <exception cref="ArgumentException">The store has no customers, or no orders for the value indicators.</exception>
    public static Classified Run(IStore store, Scheme scheme, DateOnly? asOf, Action<string>? note = null)
    {
        var table = Indicators(store, asOf ?? scheme.AsOf);
        if (table.Count > 0 && ValueIndicators.AnyIn(scheme.Classifiers.SelectMany(c => c.Indicators)))
            table = WithValueIndicators(table, store.ReadOrders(), note);
        return Run(table, scheme, note);
    }

    /// <summary>Runs a scheme over a ready indicator table.</summary>
    /// <exception cref="ArgumentException">The table is empty.</exception>
    public static Classified Run(IndicatorTable table, Scheme scheme, Action<string>? note = null)
    {
        if (table.Count == 0)
            throw new ArgumentException("nothing to classify: the store has no customers yet (import customers or orders first, or try `allot demo`)");
        var outcome = SchemeRunner.Run(table, scheme);
        note?.Invoke($"scheme '{scheme.Name}': {table.Count:N0} customers as of {table.AsOf:yyyy-MM-dd}");
        return new Classified(scheme, table, outcome);
    }

    /// <summary>The indicators a run keeps per customer besides revenue, for its per-class summary.</summary>
    public static IReadOnlyList<string> KeptFigures { get; } = [.. ClassSummary.DefaultMeans.Append("profit").Where(n => n != "amount").Distinct()];

    /// <summary>Stores a classification as a run (with each customer's revenue, the figures its summary needs and the
    /// tier classes) and returns its number.</summary>
    public static long Save(IStore store, string by, string schemeText, Classified classified)
    {
        var tierClasses = classified.Outcome.Results.First(r => r.Name == classified.Scheme.TierFrom).Classes;
        var table = classified.Table;
        var figures = KeptFigures.Where(table.HasNumber).ToDictionary(n => n, n => (IReadOnlyList<double>)table.Number(n).ToArray(), StringComparer.Ordinal);
        return store.SaveClassificationRun(by, table.AsOf, schemeText, classified.Outcome, table.Number("amount").ToArray(), tierClasses, figures);
    }

    /// <summary>Per classifier, each class's customers, revenue and profit shares and mean indicators (rounded as
    /// <c>allot classify --format json</c> prints them).</summary>
    /// <remarks>The classifiers' figures are made side by side: each is a pass over every customer.</remarks>
    public static ClassificationSummary Summary(Classified classified, long? runId)
    {
        var results = classified.Outcome.Results;
        var figures = new ClassifierSummary[results.Count];
        Parallel.For(0, results.Count, new ParallelOptions { MaxDegreeOfParallelism = classified.Table.Count < 10_000 ? 1 : -1 },
            k => figures[k] = Figures(results[k], classified.Table));
        return new(runId, classified.Scheme.Name, classified.Table.AsOf, classified.Outcome.Customers.Count, classified.Scheme.TierFrom, figures);
    }

    /// <summary>The figures of a stored run, over the customers <paramref name="include"/> admits (all when null):
    /// classes, revenue, profit and the mean indicators as the run stored them (runs stored before schema version 7
    /// kept no figures: for those, profit and the means are recomputed from the store's records at the run's as-of date).</summary>
    /// <remarks>Shares are of the included customers. A stored run does not keep its classifiers' class order, so
    /// the tier classes come in the run's order, RFM segments and lifecycle stages in theirs, any other class by name.</remarks>
    public static ClassificationSummary Summary(IStore store, ClassificationRunInfo run, Func<string, bool>? include = null)
    {
        var rows = store.ReadClassifications(run.Id).Where(c => include is null || include(c.CustomerKey))
            .OrderBy(c => c.CustomerKey, StringComparer.Ordinal).ToList();
        var keys = rows.Select(r => r.CustomerKey).ToArray();
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["amount"] = [.. rows.Select(r => r.Revenue)] };
        if (rows.Count > 0 && run.FigureNames.Count > 0)
        {
            for (int f = 0; f < run.FigureNames.Count; f++)
                numbers[run.FigureNames[f]] = [.. rows.Select(r => f < r.Figures.Count ? r.Figures[f] : double.NaN)];
        }
        else if (rows.Count > 0)
        {
            var now = Indicators(store, run.AsOf);
            foreach (string name in ClassSummary.DefaultMeans.Append("profit").Where(n => n != "amount" && now.HasNumber(n)))
            {
                var source = now.Number(name);
                var column = new double[keys.Length];
                for (int i = 0; i < keys.Length; i++) column[i] = now.RowOf(keys[i]) is int row and >= 0 ? source[row] : double.NaN;
                numbers[name] = column;
            }
        }
        var table = IndicatorTable.Create(run.AsOf, keys, numbers);
        var classifiers = rows.Count == 0 ? [] : rows[0].Classes.Select(c => c.Classifier).ToList();
        var order = KnownOrder(run);
        var results = classifiers.Select((name, i) => new ClassifierResult(name, order,
            [.. rows.Select(r => new ClassAssignment(r.CustomerKey, r.Classes[i].Class, r.Classes[i].Reason, r.Classes[i].Numbers))])).ToList();
        // The tier classifier is the one whose class is every customer's tier.
        string tierFrom = classifiers.Where((_, i) => rows.All(r => r.Classes[i].Class == r.Tier)).FirstOrDefault() ?? "";
        return new ClassificationSummary(run.Id, run.SchemeName, run.AsOf, rows.Count, tierFrom, [.. results.Select(r => Figures(r, table))]);
    }

    private static IReadOnlyList<string> KnownOrder(ClassificationRunInfo run) =>
    [
        .. run.TierClasses,
        .. Enum.GetValues<LifecycleStage>().Select(LifecycleStageNames.English),
        .. Enum.GetValues<LifecycleStage>().Select(LifecycleStageNames.Chinese),
        .. RfmSegment.All.Select(s => s.English), Rfm.NoPurchases,
        .. RfmSegment.All.Select(s => s.Chinese), Rfm.NoPurchasesChinese,
    ];

    private static ClassifierSummary Figures(ClassifierResult result, IndicatorTable table) =>
        new(result.Name, [.. ClassSummary.Of(result, table).Select(c => new ClassFigures(c.Class, c.Customers, Math.Round(c.CustomerShare, 6),
            Math.Round(c.Revenue, 2), Math.Round(c.RevenueShare, 6), Math.Round(c.ProfitShare, 6),
            c.Means.ToDictionary(m => m.Key, m => double.IsFinite(m.Value) ? Math.Round(m.Value, 4) : (double?)null, StringComparer.Ordinal)))]);
}
