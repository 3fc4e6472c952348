using System.Diagnostics;
using System.Globalization;
using Allot.AllocationBench;
using Allot.Core.Allocation;

// Allocation benchmark: generate a book, solve it exactly (top-k pruning with its optimality check), compare with
// greedy and round robin, optionally export the solved network as DIMACS for LEMON. Figures go to stdout as
// "key: value" lines (run.sh turns them into a table); progress to stderr.
var options = Options.Parse(args);
var inv = CultureInfo.InvariantCulture;
void Report(string key, object value) => Console.WriteLine(string.Create(inv, $"{key}: {value}"));
double Seconds(Stopwatch s) => Math.Round(s.Elapsed.TotalSeconds, 3);

var clock = Stopwatch.StartNew();
var self = Process.GetCurrentProcess();
TimeSpan Cpu() { self.Refresh(); return self.TotalProcessorTime; }
var cpu = Cpu();
var book = BookGenerator.Generate(options.Customers, options.Reps, options.Regions, options.Seed);
var full = book.Problem;
Report("customers", full.CustomerCount);
Report("reps", full.RepCount);
Report("regions", book.Regions);
Report("candidate_arcs_full", full.CandidateCount);
Report("generate_s", Seconds(clock));

// The machine is shared: each solve runs --repeat times and the median is reported (and the fastest).
var solverOptions = new AssignmentSolverOptions { MaxDegreeOfParallelism = options.Threads };
PrunedSolution? pruned = null;
var walls = new List<double>();
var cpus = new List<double>();
long allocated = 0;
for (int run = 0; run < options.Repeat; run++)
{
    GC.Collect();
    long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    clock.Restart();
    cpu = Cpu();
    var result = CandidatePruning.Solve(full, options.K, solverOptions);
    walls.Add(clock.Elapsed.TotalSeconds);
    cpus.Add((Cpu() - cpu).TotalSeconds);
    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    if (pruned is not null && !pruned.Solution.RepOf.SequenceEqual(result.Solution.RepOf)) throw new InvalidOperationException("not deterministic");
    pruned = result;
}
var solution = pruned!.Solution;
Report("k", options.K);
Report("repeat", options.Repeat);
Report("solve_total_s", Median(walls));
Report("solve_total_best_s", Math.Round(walls.Min(), 3));
Report("solve_total_cpu_s", Median(cpus));
Report("solve_allocated_mb", allocated >> 20);
Report("status", solution.Status);
Report("objective", solution.Objective);
Report("rounds", pruned.Rounds);
Report("arcs_kept", pruned.ArcsKept);
Report("arcs_added", pruned.ArcsAdded);
Report("components", solution.Statistics.Components);
Report("searches", solution.Statistics.Searches);
Report("relocations", solution.Statistics.Relocations);
Report("settled_nodes", solution.Statistics.SettledNodes);
Report("starting_excess", solution.Statistics.StartingExcess);
Report("unassigned", solution.RepOf.Count(AssignmentSolution.Unassigned));

// The same pruned network alone: what LEMON is given.
walls.Clear();
cpus.Clear();
for (int run = 0; run < options.Repeat; run++)
{
    clock.Restart();
    cpu = Cpu();
    var again = AssignmentSolver.Solve(pruned.Pruned, solverOptions);
    walls.Add(clock.Elapsed.TotalSeconds);
    cpus.Add((Cpu() - cpu).TotalSeconds);
    if (again.Objective != solution.Objective) throw new InvalidOperationException("pruned re-solve disagrees");
}
Report("solve_pruned_s", Median(walls));
Report("solve_pruned_best_s", Math.Round(walls.Min(), 3));
Report("solve_pruned_cpu_s", Median(cpus));

clock.Restart();
var greedy = Baselines.Greedy(full, book.Priority);
long greedyObjective = full.Cost(greedy);
Report("greedy_s", Seconds(clock));
Report("greedy_objective", greedyObjective);
clock.Restart();
var roundRobin = Baselines.RoundRobin(full);
long roundRobinObjective = full.Cost(roundRobin);
Report("round_robin_s", Seconds(clock));
Report("round_robin_objective", roundRobinObjective);
Report("greedy_gap_pct", Math.Round(100.0 * (greedyObjective - solution.Objective) / Math.Abs(solution.Objective), 2));
Report("round_robin_gap_pct", Math.Round(100.0 * (roundRobinObjective - solution.Objective) / Math.Abs(solution.Objective), 2));
Report("greedy_unassigned", greedy.Count(AssignmentSolution.Unassigned));
Report("round_robin_unassigned", roundRobin.Count(AssignmentSolution.Unassigned));
Report("peak_rss_mb", Process.GetCurrentProcess().PeakWorkingSet64 >> 20);

if (options.Dimacs is not null)
{
    clock.Restart();
    using (var writer = new StreamWriter(options.Dimacs, false, new System.Text.UTF8Encoding(false), 1 << 20)) Dimacs.Write(pruned.Pruned, writer);
    Console.Error.WriteLine($"DIMACS written to {options.Dimacs} in {Seconds(clock)} s");
}
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return Math.Round(sorted[sorted.Count / 2], 3);
}

internal sealed record Options(int Customers, int Reps, int Regions, int K, ulong Seed, int Threads, string? Dimacs, int Repeat)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(100_000, 500, 30, 8, 1, -1, null, 3);
        for (int a = 0; a < args.Length; a++)
        {
            string value = a + 1 < args.Length ? args[a + 1] : throw new ArgumentException($"{args[a]} needs a value");
            o = args[a++] switch
            {
                "--customers" => o with { Customers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--reps" => o with { Reps = int.Parse(value, CultureInfo.InvariantCulture) },
                "--regions" => o with { Regions = int.Parse(value, CultureInfo.InvariantCulture) },
                "--k" => o with { K = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = ulong.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => o with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--dimacs" => o with { Dimacs = value },
                "--repeat" => o with { Repeat = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option {args[a - 1]}"),
            };
        }
        return o;
    }
}
