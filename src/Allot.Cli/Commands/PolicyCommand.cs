using System.CommandLine;
using Allot.Core.Allocation.Policies;

namespace Allot.Cli.Commands;

/// <summary><c>allot policy init|check</c>: annotated allocation policy files and their validation.</summary>
internal static class PolicyCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("policy", "Allocation policies: fit weights, seniority table, capacities, balance and hard rules");

        var output = new Option<string?>("--out") { Description = "File to write (default: print to stdout)" };
        var init = new Command("init", "Write the annotated default policy to start from") { output };
        init.SetAction(wrap(ctx =>
        {
            if (ctx.Parse.GetValue(output) is { } path)
            {
                if (File.Exists(path)) throw new ArgumentException($"{path} exists; choose another --out or delete it first");
                File.WriteAllText(path, BuiltInPolicies.Default);
                ctx.Err.WriteLine($"wrote {Path.GetFullPath(path)}; check it with: allot policy check {path}");
            }
            else ctx.Out.Write(BuiltInPolicies.Default);
            return 0;
        }));

        var file = new Argument<string>("file") { Description = "Policy file (JSON with comments)" };
        var check = new Command("check", "Validate a policy file: errors give the line and what was expected") { file };
        check.SetAction(wrap(ctx =>
        {
            var policy = Load(ctx.Parse.GetValue(file)!).Policy;
            var w = policy.Weights;
            ctx.Printer.Record([
                ("name", policy.Name),
                ("weights", $"seniority {w.Seniority:0.##}, expertise {w.Expertise:0.##}, lifecycle {w.Lifecycle:0.##}, continuity {w.Continuity:0.##}, performance {w.Performance:0.##}"),
                ("seniority", string.Join("; ", policy.Seniority.Select(r => $"{r.Tier}: " + string.Join(" ", r.Fit.OrderByDescending(f => f.Key).Select(f => $"{f.Key.ToString().ToLowerInvariant()} {f.Value:0.##}"))))),
                ("region", policy.Region == RegionRule.Hard ? "hard" : $"soft (penalty {policy.RegionPenalty:0.##})"),
                ("default_capacity", policy.DefaultCapacity),
                ("workload", policy.Workload.Count == 0 ? "1 per account" : string.Join(", ", policy.Workload.Select(x => $"{x.Key} {x.Value}"))),
                ("balance", policy.BalanceWeight),
                ("locked", policy.Locked.Count), ("do_not_move", policy.DoNotMove.Count),
                ("lock_key_accounts", policy.LockKeyAccounts), ("include_pool", policy.IncludePool), ("candidates", policy.Candidates),
            ]);
            ctx.Err.WriteLine($"policy '{policy.Name}' is valid");
            return 0;
        }));

        command.Subcommands.Add(init);
        command.Subcommands.Add(check);
        return command;
    }

    /// <summary>Reads and parses a policy file (the bundled default when <paramref name="path"/> is null), with its text.</summary>
    public static (AllocationPolicy Policy, string Text) Load(string? path)
    {
        if (path is null) return (PolicyParser.Parse(BuiltInPolicies.Default, "default policy"), BuiltInPolicies.Default);
        if (!File.Exists(path)) throw new ArgumentException($"{path}: policy file not found (write one with `allot policy init --out {path}`)");
        string text = File.ReadAllText(path);
        return (PolicyParser.Parse(text, path), text);
    }
}
