using System.Diagnostics;
using Allot.Core.Allocation;
using Allot.Tests.Shared;

namespace Allot.Core.Tests.Allocation;

public sealed class DimacsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Write_TinyProblem_NetworkLineByLine()
    {
        var b = new AssignmentProblemBuilder(2, 1);
        b.AddCustomer(0, 10, [0, 1], [3, 5]);
        b.AddCustomer(0, 7, [1], [2]);
        b.SetCapacity(0, 1).SetRepLoadCost(1, LoadCost.AboveThreshold(1, 4));
        var p = b.Build();
        var text = new StringWriter();
        Dimacs.Write(p, text);
        Assert.Equal("""
            c Allot assignment problem: 2 customers, 2 reps, 1 tiers, 3 candidate arcs
            c nodes 1..2 customers, 3..4 slots (rep, tier), 5..6 reps, 7 unassigned, 8 sink
            c minimum cost = optimal objective (no offset)
            p min 8 11
            n 1 1
            n 2 1
            n 8 -2
            a 1 3 0 1 3
            a 1 4 0 1 5
            a 2 4 0 1 2
            a 1 7 0 1 10
            a 2 7 0 1 7
            a 3 5 0 1 0
            a 4 6 0 2 0
            a 5 8 0 1 0
            a 6 8 0 1 0
            a 6 8 0 1 4
            a 7 8 0 2 0

            """.ReplaceLineEndings("\n"), text.ToString());
        Assert.Equal(5, AssignmentSolver.Solve(p, Ct).Objective);
    }

    [Fact]
    public void Write_RandomProblems_NetworkxFindsTheSameMinimumCost()
    {
        const string python = "/usr/bin/python3"; // Debian's, where python3-networkx installs
        if (!HasNetworkx(python))
        {
            const string why = "python3-networkx is missing (apt-get install -y python3-networkx)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(why);
            Assert.Skip(why);
        }
        using var dir = new TempDir();
        var files = new List<string>();
        var objectives = new List<long>();
        for (int seed = 1; seed <= 30; seed++)
        {
            var rng = new Random(seed);
            var rp = RandomProblems.Create(seed, rng.Next(1, 80), rng.Next(1, 10), rng.Next(1, 4),
                new Shape { Regions = rng.Next(1, 3), LockChance = 0.1, Slack = rng.Next(0, 6) });
            string file = Path.Combine(dir.Path, $"p{seed}.min");
            using (var writer = new StreamWriter(file)) Dimacs.Write(rp.Problem, writer);
            files.Add(file);
            objectives.Add(AssignmentSolver.Solve(rp.Problem, Ct).Objective);
        }
        var (exit, output, error) = Run(python, [Path.Combine(SharedData.RepoRoot, "tests", "tools", "networkx_min_cost.py"), .. files]);
        Assert.True(exit == 0, error);
        Assert.Equal(objectives.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool HasNetworkx(string python) =>
        File.Exists(python) && Run(python, ["-c", "import networkx"]).Exit == 0;

    private static (int Exit, string Output, string Error) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Ct);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("allot-dimacs-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
