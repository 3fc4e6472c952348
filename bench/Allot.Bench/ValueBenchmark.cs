using System.Diagnostics;
using System.Globalization;
using Allot.Core.Value;

namespace Allot.Bench;

/// <summary>
/// Value models (issue 4): time to summarise orders, fit BG/NBD, Gamma-Gamma (and optionally Pareto/NBD) and score
/// every customer, on CDNOW or on a book simulated from known BG/NBD and Gamma-Gamma parameters, so the fit can be
/// checked against the truth (also on exact continuous-time histories, which have no whole-day rounding). Peak
/// memory comes from GNU time around the process (bench/value/run.sh).
/// </summary>
/// <remarks>Usage: <c>dotnet run -c Release --project bench/Allot.Bench -- value (--cdnow FILE | --customers N)
/// [--seed S] [--pareto] [--write-orders FILE] [--write-summary FILE]</c>. Prints Markdown; wall and CPU seconds per step (CPU shows the work when the machine
/// is shared).</remarks>
internal static class ValueBenchmark
{
    // Near the CDNOW estimates (weeks), so the simulated book looks like a real one.
    private static readonly BgNbdModel TrueCount = new(0.25, 4.0, 0.8, 2.5);
    private static readonly GammaGammaModel TrueSpend = new(6.0, 4.0, 15.0);

    private static readonly List<string> Steps = [];
    private static double _lastCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static int Run(string[] args)
    {
        string? cdnow = Text(args, "--cdnow");
        int customers = int.Parse(Text(args, "--customers") ?? "100000", CultureInfo.InvariantCulture);
        ulong seed = ulong.Parse(Text(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        bool pareto = args.Contains("--pareto");
        List<Purchase> purchases;
        SummaryOptions options;
        string label;
        Lap("", "");
        if (cdnow is not null)
        {
            purchases = [.. File.ReadLines(cdnow).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 5)
                .Select(f => new Purchase(f[1], DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture)))];
            options = new SummaryOptions { Unit = TimeUnit.Week, CalibrationEnd = new DateOnly(1997, 9, 30), HoldoutEnd = new DateOnly(1998, 6, 30) };
            label = "CDNOW sample (2,357 customers)";
            Lap("read CDNOW_sample.txt", "");
        }
        else
        {
            var sim = new SimulationOptions { Customers = customers, Seed = seed, Start = new DateOnly(2024, 1, 1), CohortDays = 84, End = new DateOnly(2025, 6, 29) };
            purchases = [.. BgNbdSimulation.Purchases(TrueCount, TrueSpend, sim)];
            options = new SummaryOptions { Unit = TimeUnit.Week, CalibrationEnd = new DateOnly(2024, 9, 29), HoldoutEnd = sim.End };
            label = FormattableString.Invariant($"simulated book, {customers:N0} customers");
            Lap("simulate orders", FormattableString.Invariant($"{purchases.Count:N0} orders"));
            if (Text(args, "--write-orders") is { } csv)
            {
                // For timing the CLI end to end on the same orders: allot value fit --orders FILE, or imported into a store.
                using var w = new StreamWriter(csv);
                w.Write("order_id,customer_id,order_date,amount\n");
                int id = 0;
                foreach (var p in purchases) w.Write(FormattableString.Invariant($"O{++id},{p.CustomerKey},{p.Date:yyyy-MM-dd},{p.Amount}\n"));
                Lap("write orders CSV", csv);
            }
        }
        int orders = purchases.Count;
        var summaries = CustomerSummaries.FromPurchases(purchases, options);
        purchases = [];
        Lap("summarise orders", FormattableString.Invariant($"{summaries.Count:N0} customers, {summaries.X.Count(x => x > 0):N0} repeat buyers"));
        if (Text(args, "--write-summary") is { } summaryCsv)
        {
            // The histories for the scipy peer (bench/value/scipy_peer.py), full precision.
            using var w = new StreamWriter(summaryCsv);
            w.Write("x,t_x,T,zbar\n");
            for (int i = 0; i < summaries.Count; i++)
                w.Write(FormattableString.Invariant($"{summaries.X[i]},{summaries.Tx[i]:R},{summaries.T[i]:R},{summaries.MeanRepeatSpend[i]:R}\n"));
            Lap("write summary CSV", summaryCsv);
        }
        var bg = BgNbdModel.Fit(summaries);
        double bgWall = Lap("fit BG/NBD", Describe(bg.Report));
        var gg = GammaGammaModel.Fit(summaries);
        double ggWall = Lap("fit Gamma-Gamma", Describe(gg.Report));
        var scores = ValueScorer.Score(bg.Model, gg.Model, summaries);
        Lap("score every customer (first call: JIT included)", Throughput(summaries.Count));
        scores = ValueScorer.Score(bg.Model, gg.Model, summaries);
        Lap("score every customer again", Throughput(summaries.Count));
        ModelFit<ParetoNbdModel>? pn = null;
        if (pareto)
        {
            pn = ParetoNbdModel.Fit(summaries);
            Lap("fit Pareto/NBD", Describe(pn.Report));
        }
        ModelFit<BgNbdModel>? exact = null;
        if (cdnow is null)
        {
            var (x, tx, t) = BgNbdSimulation.Histories(TrueCount, customers, 27, 39, seed);
            Lap("simulate exact histories", "continuous time, T uniform in 27–39 weeks");
            exact = BgNbdModel.Fit(x, tx, t);
            Lap("fit BG/NBD on exact histories", Describe(exact.Report) + " (no grouping possible: every row distinct)");
        }

        Console.WriteLine($"### {label}");
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"{orders:N0} orders, weeks, calibration to {summaries.CalibrationEnd:yyyy-MM-dd}, holdout to {summaries.HoldoutEnd:yyyy-MM-dd}. BG/NBD + Gamma-Gamma fit: {bgWall + ggWall:0.00} s wall."));
        Console.WriteLine();
        Console.WriteLine("| step | wall s | CPU s | note |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (string step in Steps.Skip(1)) Console.WriteLine(step);
        Console.WriteLine();
        var all = bg.Report.Parameters.Concat(gg.Report.Parameters).ToList();
        double[] reference = cdnow is null
            ? [TrueCount.R, TrueCount.Alpha, TrueCount.A, TrueCount.B, TrueSpend.P, TrueSpend.Q, TrueSpend.Gamma]
            : [0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44];
        Console.WriteLine(cdnow is null
            ? "| parameter | true | from orders (se) | (est − true)/se | exact histories (se) | (est − true)/se |\n|---|---:|---:|---:|---:|---:|"
            : "| parameter | published | estimate (se) |\n|---|---:|---:|");
        for (int i = 0; i < all.Count; i++)
        {
            var p = all[i];
            string row = FormattableString.Invariant($"| {p.Name} | {reference[i]} | {p.Value:0.0000} ({p.StandardError:0.0000}) |");
            if (cdnow is null)
            {
                row += FormattableString.Invariant($" {(p.Value - reference[i]) / p.StandardError:+0.0;-0.0} |");
                row += i < 4 && exact is not null
                    ? FormattableString.Invariant($" {exact.Report.Parameters[i].Value:0.0000} ({exact.Report.Parameters[i].StandardError:0.0000}) | {(exact.Report.Parameters[i].Value - reference[i]) / exact.Report.Parameters[i].StandardError:+0.0;-0.0} |")
                    : " | |";
            }
            Console.WriteLine(row);
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Mean P(alive) {scores.ProbabilityAlive.Average():0.000}; expected purchases in 90 days {scores.ExpectedPurchases.Sum():N0}; CLV 12 months {scores.Clv.Sum():N0}."));
        return 0;
    }

    private static string Throughput(int customers) => FormattableString.Invariant(
        $"{customers / Math.Max(Clock.Elapsed.TotalSeconds, 1e-9) / 1e6:0.00} M customers/s");

    private static string Describe(FitReport r) =>
        FormattableString.Invariant($"LL {r.LogLikelihood:0.0}, converged {r.Converged}, {r.Evaluations} likelihood evaluations");

    private static double LastWall { get; set; }

    private static double LastCpu { get; set; }

    // Records a step: wall and CPU seconds since the previous one.
    private static double Lap(string name, string note)
    {
        double wall = Clock.Elapsed.TotalSeconds;
        double cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        (LastWall, LastCpu) = (wall, cpu - _lastCpu);
        _lastCpu = cpu;
        Clock.Restart();
        Steps.Add(FormattableString.Invariant($"| {name} | {wall:0.000} | {LastCpu:0.000} | {note} |"));
        return wall;
    }

    private static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
