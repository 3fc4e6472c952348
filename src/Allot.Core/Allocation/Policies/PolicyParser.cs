using System.Globalization;
using System.Text.Json;
using Allot.Core.Classification.Schemes;
using Allot.Core.Reps;

namespace Allot.Core.Allocation.Policies;

/// <summary>Reads an allocation policy from JSON (comments and trailing commas allowed, snake_case keys).</summary>
/// <remarks>Every problem — bad JSON, an unknown key (the allowed ones listed), a negative weight, a seniority fit
/// outside [0, 1], an unknown rep level, lifecycle stage or skill, a capacity or workload below 1 — throws
/// <see cref="PolicyException"/> naming the source, line and column of the offending value. Keys left out keep
/// the defaults of <see cref="AllocationPolicy"/>.</remarks>
public static class PolicyParser
{
    private static readonly string[] TopKeys =
    [
        "name", "description", "weights", "seniority", "lifecycle", "region", "region_penalty", "rep_performance",
        "capacity", "workload", "balance", "locked", "do_not_move", "lock_key_accounts", "include_pool", "candidates",
    ];

    private static readonly string[] WeightKeys = ["seniority", "expertise", "lifecycle", "continuity", "performance"];
    private static readonly string[] Stages = ["potential", "new", "growing", "mature", "declining", "dormant", "lost"];

    /// <summary>Parses a policy.</summary>
    /// <param name="json">The policy's JSON text.</param>
    /// <param name="sourceName">File name or label used in messages.</param>
    /// <exception cref="PolicyException">Invalid JSON or an invalid policy.</exception>
    public static AllocationPolicy Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonNode root;
        try
        {
            root = JsonNode.Parse(json, sourceName, "policy");
        }
        catch (SchemeException e)
        {
            throw new PolicyException(sourceName, e.Line, e.Column, e.Detail, e);
        }
        return new Reader(sourceName).Policy(root);
    }

    private sealed class Reader(string source)
    {
        public AllocationPolicy Policy(JsonNode root)
        {
            if (root.Kind != JsonValueKind.Object) throw Fail(root, "expected a policy object { … }");
            Keys(root, "the policy", TopKeys);
            var p = new AllocationPolicy();
            if (root.Property("name") is { } n) p = p with { Name = Text(n.Value, "name") };
            if (root.Property("description") is { } d) p = p with { Description = Text(d.Value, "description") };
            if (root.Property("weights") is { } w) p = p with { Weights = Weights(w.Value) };
            if (root.Property("seniority") is { } s) p = p with { Seniority = Seniority(s.Value) };
            if (root.Property("lifecycle") is { } l) p = p with { LifecycleSkill = Lifecycle(l.Value) };
            if (root.Property("region") is { } r)
            {
                p = p with
                {
                    Region = Text(r.Value, "region") switch
                    {
                        "hard" => RegionRule.Hard,
                        "soft" => RegionRule.Soft,
                        var other => throw Fail(r.Value, $"region: '{other}' is not a rule; expected \"hard\" (only reps serving the customer's region) or \"soft\" (others at region_penalty)"),
                    },
                };
            }
            if (root.Property("region_penalty") is { } rp) p = p with { RegionPenalty = Number(rp.Value, "region_penalty", min: 0) };
            if (root.Property("rep_performance") is { } perf)
            {
                if (perf.Value.Kind != JsonValueKind.Object) throw Fail(perf.Value, "rep_performance: expected an object of rep key → performance in [0, 1]");
                p = p with { RepPerformance = perf.Value.Properties.ToDictionary(x => x.Name, x => Number(x.Value, $"rep_performance.{x.Name}", 0, 1), StringComparer.Ordinal) };
            }
            if (root.Property("capacity") is { } c)
            {
                if (c.Value.Kind != JsonValueKind.Object) throw Fail(c.Value, "capacity: expected { \"default\": accounts per rep when the rep record gives none }");
                Keys(c.Value, "capacity", ["default"]);
                if (c.Value.Property("default") is { } cd) p = p with { DefaultCapacity = Int(cd.Value, "capacity.default", 0) };
            }
            if (root.Property("workload") is { } wl)
            {
                if (wl.Value.Kind != JsonValueKind.Object) throw Fail(wl.Value, "workload: expected an object of tier → workload units per account, e.g. { \"A\": 3, \"B\": 2, \"C\": 1 }");
                p = p with { Workload = wl.Value.Properties.ToDictionary(x => x.Name, x => Int(x.Value, $"workload.{x.Name}", 1), StringComparer.Ordinal) };
            }
            if (root.Property("balance") is { } b) p = p with { BalanceWeight = Number(b.Value, "balance", min: 0) };
            if (root.Property("locked") is { } lk) p = p with { Locked = Strings(lk.Value, "locked") };
            if (root.Property("do_not_move") is { } dn) p = p with { DoNotMove = Strings(dn.Value, "do_not_move") };
            if (root.Property("lock_key_accounts") is { } ka) p = p with { LockKeyAccounts = Bool(ka.Value, "lock_key_accounts") };
            if (root.Property("include_pool") is { } ip) p = p with { IncludePool = Bool(ip.Value, "include_pool") };
            if (root.Property("candidates") is { } k) p = p with { Candidates = Int(k.Value, "candidates", 0) };
            return p;
        }

        private FitWeights Weights(JsonNode node)
        {
            if (node.Kind != JsonValueKind.Object) throw Fail(node, "weights: expected an object of component → points");
            Keys(node, "weights", WeightKeys);
            var w = new FitWeights();
            foreach (var x in node.Properties)
            {
                double v = Number(x.Value, $"weights.{x.Name}", min: 0);
                w = x.Name switch
                {
                    "seniority" => w with { Seniority = v },
                    "expertise" => w with { Expertise = v },
                    "lifecycle" => w with { Lifecycle = v },
                    "continuity" => w with { Continuity = v },
                    _ => w with { Performance = v },
                };
            }
            if (w.Seniority + w.Expertise + w.Lifecycle + w.Continuity + w.Performance <= 0)
                throw Fail(node, "weights: at least one weight must be above 0, or every rep fits every customer equally");
            return w;
        }

        private List<SeniorityRow> Seniority(JsonNode node)
        {
            if (node.Kind != JsonValueKind.Object || node.Properties.Count == 0)
                throw Fail(node, "seniority: expected an object of tier (best first) → { \"senior\": fit, \"mid\": fit, \"junior\": fit }, fits in [0, 1]");
            var rows = new List<SeniorityRow>();
            foreach (var tier in node.Properties)
            {
                if (tier.Value.Kind != JsonValueKind.Object) throw Fail(tier.Value, $"seniority.{tier.Name}: expected {{ \"senior\": fit, \"mid\": fit, \"junior\": fit }}");
                var fit = new Dictionary<RepLevel, double>();
                foreach (var level in tier.Value.Properties)
                {
                    RepLevel l = level.Name switch
                    {
                        "senior" => RepLevel.Senior,
                        "mid" => RepLevel.Mid,
                        "junior" => RepLevel.Junior,
                        _ => throw new PolicyException(source, level.Line, level.Column, $"seniority.{tier.Name}: unknown rep level '{level.Name}'; expected senior, mid or junior"),
                    };
                    fit[l] = Number(level.Value, $"seniority.{tier.Name}.{level.Name}", 0, 1);
                }
                rows.Add(new SeniorityRow(tier.Name, fit));
            }
            return rows;
        }

        private Dictionary<string, RepSkill> Lifecycle(JsonNode node)
        {
            if (node.Kind != JsonValueKind.Object) throw Fail(node, "lifecycle: expected an object of stage → \"relationship\" | \"product\" | \"selling\"");
            var map = new Dictionary<string, RepSkill>(AllocationPolicy.DefaultLifecycleSkill, StringComparer.Ordinal);
            foreach (var x in node.Properties)
            {
                if (!Stages.Contains(x.Name))
                    throw new PolicyException(source, x.Line, x.Column, $"lifecycle: unknown stage '{x.Name}'; expected one of {string.Join(", ", Stages)}");
                map[x.Name] = Text(x.Value, $"lifecycle.{x.Name}") switch
                {
                    "relationship" => RepSkill.Relationship,
                    "product" => RepSkill.Product,
                    "selling" => RepSkill.Selling,
                    var other => throw Fail(x.Value, $"lifecycle.{x.Name}: unknown skill '{other}'; expected relationship, product or selling"),
                };
            }
            return map;
        }

        private void Keys(JsonNode obj, string where, string[] allowed)
        {
            foreach (var p in obj.Properties)
            {
                if (allowed.Contains(p.Name)) continue;
                string? near = allowed.OrderBy(a => Distance(a, p.Name)).FirstOrDefault(a => Distance(a, p.Name) <= 2);
                throw new PolicyException(source, p.Line, p.Column,
                    $"{where}: unknown key '{p.Name}'{(near is null ? "" : $" (did you mean '{near}'?)")}; allowed: {string.Join(", ", allowed)}");
            }
        }

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            return d[a.Length, b.Length];
        }

        private string Text(JsonNode node, string key) =>
            node.Kind == JsonValueKind.String ? node.Text! : throw Fail(node, $"{key}: expected a string");

        private bool Bool(JsonNode node, string key) => node.Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(node, $"{key}: expected true or false"),
        };

        private double Number(JsonNode node, string key, double min, double max = double.PositiveInfinity)
        {
            if (node.Kind != JsonValueKind.Number || node.Number < min || node.Number > max || !double.IsFinite(node.Number))
                throw Fail(node, double.IsPositiveInfinity(max)
                    ? $"{key}: expected a number >= {Num(min)}"
                    : $"{key}: expected a number from {Num(min)} to {Num(max)}");
            return node.Number;
        }

        private int Int(JsonNode node, string key, int min)
        {
            if (node.Kind != JsonValueKind.Number || node.Number < min || node.Number != Math.Floor(node.Number) || node.Number > int.MaxValue)
                throw Fail(node, $"{key}: expected a whole number >= {min}");
            return (int)node.Number;
        }

        private string[] Strings(JsonNode node, string key)
        {
            if (node.Kind != JsonValueKind.Array || node.Items.Any(i => i.Kind != JsonValueKind.String))
                throw Fail(node, $"{key}: expected an array of customer keys");
            return [.. node.Items.Select(i => i.Text!)];
        }

        private PolicyException Fail(JsonNode at, string detail) => new(source, at.Line, at.Column, detail);

        private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
