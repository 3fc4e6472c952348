using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Allot.Cli.Output;
using Allot.Core.Value;
using Allot.Storage;
using Allot.Storage.Runs;

namespace Allot.Cli.Commands;

/// <summary><c>allot value fit|show|churn|report</c>: customer value models (BG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB),
/// stored value runs, churn warnings and the model-check report.</summary>
internal static class ValueCommand
{
    private static readonly string[] Models = ["bgnbd", "pareto-nbd", "gamma-gamma", "bgbb"];

    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("value", "Customer value models: P(alive), expected purchases and spend, CLV, churn warnings");
        command.Subcommands.Add(CreateFit(wrap));
        command.Subcommands.Add(CreateShow(wrap));
        command.Subcommands.Add(CreateChurn(wrap));
        command.Subcommands.Add(CreateReport(wrap));
        return command;
    }

    /// <summary>For the demo: fits BG/NBD and Gamma-Gamma on the store's orders with the defaults (weeks, calibration
    /// to the latest order, 90 days, 12 months at 1 %, churn below P(alive) 0.5 in the top fifth by spend), stores the
    /// value run, says on stderr what it did and prints its top churn warnings (table, JSON or CSV by --format);
    /// returns the run number.</summary>
    /// <exception cref="ArgumentException">The store has no orders.</exception>
    public static long ShowTopChurnWarnings(CliContext ctx, IStore store, string by, int limit = 10)
    {
        var (run, summaries, analysis) = ValueRuns.FitAndStore(store, by);
        ctx.Err.WriteLine($"value run {run}: {analysis.Churn.Warnings.Count:N0} churn warning(s) among {summaries.Count:N0} customers (P(alive) < {analysis.Churn.Options.Threshold:0.##}, top fifth by spend); the top {limit}:");
        PrintWarnings(ctx, store.GetChurnWarnings(run, limit), summaries.Unit);
        return run;
    }

    private static Command CreateFit(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var data = new ValueData();
        var model = new Option<string>("--model") { Description = "bgnbd (default), pareto-nbd, gamma-gamma or bgbb", DefaultValueFactory = _ => "bgnbd" };
        var horizon = new Option<string>("--horizon") { Description = "Horizon of the expected purchases: days, or N with d, w or m (default 90d)", DefaultValueFactory = _ => "90d" };
        var months = new Option<int>("--clv-months") { Description = "CLV horizon in months (default 12)", DefaultValueFactory = _ => 12 };
        var discount = new Option<double>("--discount") { Description = "Monthly discount rate of the CLV (default 0.01)", DefaultValueFactory = _ => 0.01 };
        var margin = new Option<double>("--margin") { Description = "Share of spend that is margin, for the CLV (default 1)", DefaultValueFactory = _ => 1 };
        var threshold = new Option<double>("--threshold") { Description = "Churn warning: P(alive) below this (default 0.5)", DefaultValueFactory = _ => 0.5 };
        var quantile = new Option<double>("--value-quantile") { Description = "Churn warning: value at or above this quantile (default 0.8, the top fifth)", DefaultValueFactory = _ => 0.8 };
        var basis = new Option<string>("--basis") { Description = "Churn warning value: historic (spend so far, default) or expected (CLV if still active)", DefaultValueFactory = _ => "historic" };
        var noStore = new Option<bool>("--no-store") { Description = "Print the fit without storing a value run" };
        var by = new Option<string?>("--by") { Description = "Who runs it, recorded with the run (default: the OS user)" };
        var command = new Command("fit", "Fit a value model by maximum likelihood; with the store's orders, store a value run (every customer's figures and churn warnings)")
        {
            model, horizon, months, discount, margin, threshold, quantile, basis, noStore, by,
        };
        foreach (var option in data.All) command.Options.Add(option);
        command.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            string name = p.GetValue(model)!.ToLowerInvariant();
            if (!Models.Contains(name)) throw new UsageException($"--model: expected {string.Join(", ", Models)}, not '{p.GetValue(model)}'");
            bool fromStore = data.FromStore(ctx);
            var unit = data.TimeUnitOf(ctx);
            var scoring = new ScoringOptions
            {
                HorizonDays = HorizonDays(p.GetValue(horizon)!), ClvMonths = p.GetValue(months), MonthlyDiscountRate = p.GetValue(discount), Margin = p.GetValue(margin),
            };
            var churn = new ChurnOptions { Threshold = p.GetValue(threshold), ValueQuantile = p.GetValue(quantile), Basis = Basis(p.GetValue(basis)!) };
            try
            {
                scoring.Validate();
                churn.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter")[0]);
            }
            var file = data.ReadSummaryFile(ctx);
            using var store = fromStore ? ctx.OpenStore() : null;
            if (name == "bgbb")
            {
                var bgbb = file is not null
                    ? BgBbModel.Fit(file.X, [.. file.Tx.Select(v => Whole(v, "t_x"))], [.. file.T.Select(v => Whole(v, "periods"))], file.Weights)
                    : BgBbModel.Fit(data.Load(ctx, store));
                PrintFit(ctx, bgbb.Report, null, null, unit, null, null);
                return 0;
            }
            var summaries = file?.ToSummaries(unit, p.GetValue(data.CalibrationEnd) ?? DateOnly.FromDateTime(ctx.Clock.GetLocalNow().DateTime))
                ?? data.Load(ctx, store);
            if (name == "gamma-gamma")
            {
                var gg = GammaGammaModel.Fit(summaries);
                PrintFit(ctx, gg.Report, null, GammaGammaModel.CheckIndependence(summaries.X, summaries.MeanRepeatSpend), unit, summaries.CalibrationEnd, null);
                return 0;
            }
            var analysis = ValueAnalysis.Run(summaries, name == "bgnbd" ? CountModelKind.BgNbd : CountModelKind.ParetoNbd, scoring, churn);
            long? run = store is not null && !p.GetValue(noStore) ? ValueRuns.Store(store, p.GetValue(by) ?? Environment.UserName, summaries, analysis) : null;
            if (run is not null)
                ctx.Err.WriteLine($"stored as value run {run}: {analysis.Churn.Warnings.Count:N0} churn warning(s); see `allot value churn`, `allot value show CUSTOMER`");
            PrintFit(ctx, analysis.Fit, analysis.Spend?.Report, analysis.Independence, unit, summaries.CalibrationEnd, run, analysis.Churn.Warnings.Count);
            return 0;
        }));
        return command;
    }

    private static Command CreateShow(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var customer = new Argument<string>("customer") { Description = "Customer key" };
        var horizon = new Option<string>("--horizon") { Description = "Horizon for the expected purchases: days, or N with d, w or m (default 90d)", DefaultValueFactory = _ => "90d" };
        var runOption = new Option<long?>("--run") { Description = "Value run number (default: the latest)" };
        var command = new Command("show", "One customer's value figures from the latest value run: P(alive), expected purchases, spend, CLV, churn warning")
        {
            customer, horizon, runOption,
        };
        command.SetAction(wrap(ctx =>
        {
            double days = HorizonDays(ctx.Parse.GetValue(horizon)!);
            using var store = ctx.OpenStore();
            var info = Run(store, ctx.Parse.GetValue(runOption));
            string key = ctx.Parse.GetValue(customer)!;
            var c = store.GetCustomerValue(info.Id, key) ?? throw new ArgumentException($"customer '{key}' is not in value run {info.Id} (only customers with an order by {info.Run.CalibrationEnd:yyyy-MM-dd} are)");
            var unit = TimeUnits.Parse(info.Run.Unit) ?? TimeUnit.Week;
            double t = days / TimeUnits.Days(unit);
            var model = CountModel(info.Run);
            var fields = new List<(string, object?)>
            {
                ("customer", c.CustomerKey), ("run", info.Id), ("model", info.Run.Model), ("calibration_end", info.Run.CalibrationEnd),
                ("x", c.X), ("t_x", Math.Round(c.Tx, 4)), ("T", Math.Round(c.T, 4)), ("unit", info.Run.Unit),
                ("since_last_purchase", Math.Round(c.T - c.Tx, 4)), ("mean_repeat_spend", Money(c.MeanSpend)), ("historic_value", Money(c.HistoricValue)),
                ("p_alive", Round(model.ProbabilityAlive(c.X, c.Tx, c.T), 6)),
                ($"exp_purchases_{days:0.##}d", Round(model.ExpectedPurchases(t, c.X, c.Tx, c.T), 6)),
                ("exp_spend", Money(c.ExpectedSpend)), ($"clv_{info.Run.ClvMonths}m", Money(c.Clv)),
                ("churn_warning", c.ChurnWarning), ("churn_rank", c.ChurnRank), ("value_at_risk", Money(c.ValueAtRisk)),
            };
            if (model is BgNbdModel bg)
            {
                var distribution = new JsonObject();
                double rest = 1;
                for (int n = 0; n <= 5; n++)
                {
                    double pn = bg.ProbabilityOfPurchases(n, t, c.X, c.Tx, c.T);
                    distribution[n.ToString(CultureInfo.InvariantCulture)] = Math.Round(pn, 6);
                    rest -= pn;
                }
                distribution["6+"] = Math.Round(Math.Max(0, rest), 6);
                fields.Add(($"p_purchases_{days:0.##}d", distribution));
            }
            ctx.Printer.Record(fields);
            return 0;
        }));
        return command;
    }

    private static Command CreateChurn(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var threshold = new Option<double?>("--threshold") { Description = "Only warnings with P(alive) below this (at most the run's threshold)" };
        var limit = new Option<int>("--limit") { Description = "How many (default 20)", DefaultValueFactory = _ => 20 };
        var runOption = new Option<long?>("--run") { Description = "Value run number (default: the latest)" };
        var command = new Command("churn", "Churn warnings of the latest value run: valuable customers who have probably stopped buying, by value at risk")
        {
            threshold, limit, runOption,
        };
        command.SetAction(wrap(ctx =>
        {
            int n = ctx.Parse.GetValue(limit);
            if (n < 0) throw new UsageException("--limit must be 0 or more");
            double? below = ctx.Parse.GetValue(threshold);
            if (below is { } b && !(b is >= 0 and <= 1)) throw new UsageException("--threshold: expected a probability between 0 and 1");
            using var store = ctx.OpenStore();
            var info = Run(store, ctx.Parse.GetValue(runOption));
            if (below > info.Run.ChurnThreshold)
                ctx.Err.WriteLine($"value run {info.Id} warned below P(alive) {info.Run.ChurnThreshold:0.##}; for a higher threshold fit again: allot value fit --threshold {below:0.##}");
            var warnings = below is { } cut
                ? store.GetChurnWarnings(info.Id, int.MaxValue).Where(w => w.ProbabilityAlive < cut).Take(n).ToList()
                : store.GetChurnWarnings(info.Id, n);
            ctx.Err.WriteLine($"value run {info.Id} ({info.Run.Model}, calibration to {info.Run.CalibrationEnd:yyyy-MM-dd}): {info.Run.Warnings:N0} warning(s) in all");
            PrintWarnings(ctx, warnings, TimeUnits.Parse(info.Run.Unit) ?? TimeUnit.Week);
            return 0;
        }));
        return command;
    }

    private static Command CreateReport(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var data = new ValueData();
        var output = new Option<string>("--out") { Description = "The HTML file to write", Required = true };
        var model = new Option<string>("--model") { Description = "bgnbd (default) or pareto-nbd", DefaultValueFactory = _ => "bgnbd" };
        var command = new Command("report", "Write a self-contained HTML report: fitted models, tracking chart, holdout predictions by frequency, churn warnings")
        {
            output, model,
        };
        foreach (var option in data.All.Where(o => o != data.Summary)) command.Options.Add(option);
        command.SetAction(wrap(ctx =>
        {
            string name = ctx.Parse.GetValue(model)!.ToLowerInvariant();
            if (name is not ("bgnbd" or "pareto-nbd")) throw new UsageException($"--model: the report takes bgnbd or pareto-nbd, not '{ctx.Parse.GetValue(model)}'");
            bool fromStore = data.FromStore(ctx);
            using var store = fromStore ? ctx.OpenStore() : null;
            var summaries = data.Load(ctx, store);
            if (summaries.HoldoutEnd is null)
                ctx.Err.WriteLine("no holdout period (the calibration runs to the last order): pass --calibration-end DATE to see predictions against what happened");
            var analysis = ValueAnalysis.Run(summaries, name == "bgnbd" ? CountModelKind.BgNbd : CountModelKind.ParetoNbd);
            string path = ctx.Parse.GetValue(output)!;
            ValueReport.Write(path, summaries, analysis, ModelCheck.Tracking(analysis.Model, summaries), ModelCheck.HoldoutByFrequency(analysis.Model, summaries), ctx.Clock.GetUtcNow());
            ctx.Err.WriteLine($"wrote the value report to {Path.GetFullPath(path)}");
            return 0;
        }));
        return command;
    }

    private static void PrintFit(CliContext ctx, FitReport fit, FitReport? spend, SpendIndependence? independence, TimeUnit unit, DateOnly? calibrationEnd,
        long? run, int? warnings = null)
    {
        foreach (var report in new[] { fit, spend })
        {
            if (report is null || report.Converged) continue;
            var extreme = report.Parameters.Where(p => p.Value is < 1e-3 or > 1e3).Select(p => $"{p.Name} = {p.Value:G3}").ToList();
            ctx.Err.WriteLine($"warning: the {report.Model} fit did not reach an interior maximum"
                + (extreme.Count > 0 ? $" ({string.Join(", ", extreme)}: running to a boundary, e.g. a or s → 0 when the data show no dropout, r and alpha large when purchase rates hardly differ between customers)" : "")
                + "; its figures are limits of the model, read them with care");
        }
        if (ctx.Format == OutputFormat.Json)
        {
            var json = FitJson(fit);
            json["unit"] = TimeUnits.Name(unit);
            json["calibrationEnd"] = calibrationEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (fit.Model is "bgnbd" or "pareto-nbd")
            {
                json["spend"] = spend is null ? null : FitJson(spend);
                json["run"] = run;
                json["churnWarnings"] = warnings;
            }
            if (independence is not null)
            {
                json["frequencySpendCorrelation"] = double.IsFinite(independence.Correlation) ? Math.Round(independence.Correlation, 6) : null;
                json["independence"] = independence.Verdict;
            }
            ctx.Printer.Json(json);
            return;
        }
        var fields = new List<(string, object?)> { ("model", fit.Model), ("customers", fit.Customers), ("log_likelihood", Math.Round(fit.LogLikelihood, 4)), ("converged", fit.Converged) };
        foreach (var p in fit.Parameters) fields.Add((p.Name, $"{p.Value:0.0000} (se {p.StandardError:0.0000})"));
        if (spend is not null)
        {
            fields.Add(("spend_model", spend.Model));
            fields.Add(("spend_customers", spend.Customers));
            fields.Add(("spend_log_likelihood", Math.Round(spend.LogLikelihood, 4)));
            fields.Add(("spend_converged", spend.Converged));
            foreach (var p in spend.Parameters) fields.Add((p.Name, $"{p.Value:0.0000} (se {p.StandardError:0.0000})"));
        }
        if (independence is not null) fields.Add(("independence", independence.Verdict));
        fields.Add(("unit", TimeUnits.Name(unit)));
        if (calibrationEnd is not null) fields.Add(("calibration_end", calibrationEnd));
        if (run is not null) fields.Add(("run", run));
        if (warnings is not null) fields.Add(("churn_warnings", warnings));
        ctx.Printer.Record(fields);
    }

    private static JsonObject FitJson(FitReport fit) => new()
    {
        ["model"] = fit.Model,
        ["params"] = new JsonObject([.. fit.Parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.Value)))]),
        ["standardErrors"] = new JsonObject([.. fit.Parameters.Select(p => KeyValuePair.Create(p.Name, double.IsFinite(p.StandardError) ? (JsonNode?)JsonValue.Create(p.StandardError) : null))]),
        ["logLikelihood"] = fit.LogLikelihood,
        ["customers"] = fit.Customers,
        ["converged"] = fit.Converged,
        ["evaluations"] = fit.Evaluations,
    };

    private static void PrintWarnings(CliContext ctx, IReadOnlyList<StoredCustomerValue> warnings, TimeUnit unit) =>
        ctx.Printer.Rows(["rank", "customer", "p_alive", "historic_value", "clv", "value_at_risk", "x", $"{TimeUnits.Name(unit)}s_since_last"],
            warnings.Select(w => new object?[]
            {
                w.ChurnRank, w.CustomerKey, Round(w.ProbabilityAlive, 4), Money(w.HistoricValue), Money(w.Clv), Money(w.ValueAtRisk), w.X, Math.Round(w.T - w.Tx, 1),
            }));

    private static ValueRunInfo Run(IStore store, long? id)
    {
        var runs = store.GetValueRuns(id is null ? 1 : int.MaxValue);
        if (runs.Count == 0) throw new ArgumentException("no value run yet: run `allot value fit` first");
        return id is null ? runs[0] : runs.FirstOrDefault(r => r.Id == id) ?? throw new ArgumentException($"no value run {id}");
    }

    private static ICountModel CountModel(ValueRun run)
    {
        double P(string name) => run.Parameters.First(p => p.Name == name).Value;
        return run.Model == "pareto-nbd"
            ? new ParetoNbdModel(P("r"), P("alpha"), P("s"), P("beta"))
            : new BgNbdModel(P("r"), P("alpha"), P("a"), P("b"));
    }

    /// <summary>"90", "90d", "13w", "3m" → days (months of 365.25/12 days).</summary>
    internal static double HorizonDays(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        double unit = t.EndsWith('w') ? 7 : t.EndsWith('m') ? 365.25 / 12 : 1;
        if (t.Length > 0 && char.IsLetter(t[^1]) && t[^1] is not ('d' or 'w' or 'm'))
            throw new UsageException($"--horizon: expected days or N with d, w or m (e.g. 90d, 13w, 3m), not '{text}'");
        string number = char.IsLetter(t.LastOrDefault()) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !(n >= 0) || !double.IsFinite(n))
            throw new UsageException($"--horizon: expected days or N with d, w or m (e.g. 90d, 13w, 3m), not '{text}'");
        return n * unit;
    }

    private static ChurnBasis Basis(string text) => text.Trim().ToLowerInvariant() switch
    {
        "historic" => ChurnBasis.Historic,
        "expected" => ChurnBasis.Expected,
        _ => throw new UsageException($"--basis: expected historic or expected, not '{text}'"),
    };

    private static int Whole(double v, string name) =>
        v == Math.Floor(v) && v >= 0 && v <= int.MaxValue ? (int)v : throw new ArgumentException($"bgbb needs whole numbers of periods; {name} = {v}");

    // Money to cents, half away from zero (22.345 → 22.35, as the papers print), through decimal.
    private static decimal? Money(double? v) => v is { } x && double.IsFinite(x) ? Math.Round((decimal)x, 2, MidpointRounding.AwayFromZero) : null;

    private static double? Round(double? v, int digits) => v is { } x && double.IsFinite(x) ? Math.Round(x, digits) : null;
}
