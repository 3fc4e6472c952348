using System.Globalization;
using System.Text.Json;
using Allot.Core.Classification.Clustering;
using Allot.Core.Classification.Lifecycle;
using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>Reads a scheme from JSON text (comments and trailing commas allowed, snake_case keys).</summary>
/// <remarks>
/// Every problem — bad JSON, an unknown key (the message lists the allowed ones), an unknown kind or indicator
/// (near matches listed), weights that are not positive numbers, an AHP matrix that is not square or reciprocal or
/// whose consistency ratio exceeds 0.10, score tiers not strictly decreasing, share tiers summing above 1,
/// repeated classifier names, a tier_from/segment_from/lifecycle_from naming no classifier — throws
/// <see cref="SchemeException"/> with the source, line and column of the offending value. After the explicit
/// checks each classifier (but k-means, which needs customers) is run on an empty table, so whatever its own
/// validation rejects is also reported here, at the classifier's line, rather than on the first run.
/// </remarks>
public static class SchemeParser
{
    private static readonly string[] TopKeys = ["name", "description", "as_of", "tier_from", "segment_from", "lifecycle_from", "classifiers"];
    private static readonly string[] Common = ["name", "kind", "description"];
    private static readonly Dictionary<string, string[]> KindKeys = new(StringComparer.Ordinal)
    {
        ["abc"] = ["indicator", "thresholds", "classes", "loss_class"],
        ["rfm"] = ["indicators", "language", "cells"],
        ["rfm8"] = ["indicators", "language"],
        ["score"] = ["indicators", "ahp", "normalisation", "winsorise", "score_tiers", "share_tiers", "rest_tier"],
        ["rules"] = ["mode", "rules", "default"],
        ["kmeans"] = ["indicators", "k", "max_k", "seed", "normalisation", "class_names"],
        ["lifecycle"] = ["new_max_tenure_days", "dormant_recency_days", "lost_recency_days", "declining_growth", "growing_growth", "language"],
    };

    /// <summary>Parses a scheme.</summary>
    /// <param name="json">The scheme's JSON text.</param>
    /// <param name="sourceName">File name or label used in messages.</param>
    /// <exception cref="SchemeException">Invalid JSON or an invalid scheme; the message gives source, line and
    /// column and what was expected.</exception>
    public static Scheme Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new Reader(sourceName).Scheme(JsonNode.Parse(json, sourceName));
    }

    private sealed class Reader(string source)
    {
        public Scheme Scheme(JsonNode root)
        {
            Keys(root, "the scheme", TopKeys);
            string name = Str(root, "name", "the scheme");
            string description = OptStr(root, "description") ?? "";
            DateOnly? asOf = null;
            if (root.Property("as_of") is { } a)
            {
                if (a.Value.Kind != JsonValueKind.String || !DateOnly.TryParseExact(a.Value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw Fail(a.Value, "as_of: expected a date \"yyyy-MM-dd\"");
                asOf = d;
            }
            var list = Need(root, "classifiers", "the scheme");
            if (list.Value.Kind != JsonValueKind.Array || list.Value.Items.Count == 0)
                throw Fail(list.Value, "classifiers: expected a non-empty array of classifier objects");
            var specs = new List<ClassifierSpec>();
            foreach (var node in list.Value.Items)
            {
                var spec = Classifier(node);
                if (specs.Any(s => s.Name == spec.Name))
                    throw Fail(node.Property("name")!.Value, $"classifier name '{spec.Name}' is used twice; names must be unique");
                specs.Add(spec);
            }
            string tier = Reference(root, "tier_from", specs, required: true)!;
            string? segment = Reference(root, "segment_from", specs, required: false);
            string? lifecycle = Reference(root, "lifecycle_from", specs, required: false);
            return new Scheme(name, description, asOf, specs, tier, segment, lifecycle);
        }

        private string? Reference(JsonNode root, string key, List<ClassifierSpec> specs, bool required)
        {
            var p = root.Property(key);
            if (p is null)
                return required ? throw Fail(root, $"the scheme needs '{key}': the name of the classifier that gives the {key[..^5]}") : null;
            if (p.Value.Kind != JsonValueKind.String) throw Fail(p.Value, $"{key}: expected a classifier name (a string)");
            string name = p.Value.Text!;
            if (!specs.Any(s => s.Name == name))
                throw Fail(p.Value, $"{key} '{name}' names no classifier; classifiers: {string.Join(", ", specs.Select(s => s.Name))}");
            return name;
        }

        private ClassifierSpec Classifier(JsonNode node)
        {
            if (node.Kind != JsonValueKind.Object) throw Fail(node, "expected a classifier object");
            var kindProp = Need(node, "kind", "a classifier");
            string kind = kindProp.Value.Kind == JsonValueKind.String ? kindProp.Value.Text! : "";
            if (!KindKeys.TryGetValue(kind, out var keys))
                throw Fail(kindProp.Value, $"unknown kind '{kind}'; expected one of {string.Join(", ", KindKeys.Keys)}");
            string name = Str(node, "name", "a classifier");
            string where = $"classifier '{name}'";
            Keys(node, where, [.. Common, .. keys]);
            ClassifierSpec spec = kind switch
            {
                "abc" => Abc(node, name),
                "rfm" => RfmKind(node, name, eight: false),
                "rfm8" => RfmKind(node, name, eight: true),
                "score" => Score(node, name),
                "rules" => RulesKind(node, name),
                "kmeans" => KMeansKind(node, name),
                _ => LifecycleKind(node, name),
            };
            if (spec is not KMeansSpec)
            {
                try
                {
                    spec.Run(EmptyTable);
                }
                catch (ArgumentException e)
                {
                    throw Fail(node, $"{where}: {e.Message}");
                }
            }
            return spec;
        }

        private AbcSpec Abc(JsonNode node, string name)
        {
            string indicator = Indicator(Need(node, "indicator", $"classifier '{name}'").Value, numeric: true);
            var options = new AbcOptions();
            if (node.Property("thresholds") is { } t)
            {
                var v = Numbers(t.Value, "thresholds");
                if (v.Length != 2 || !(v[0] > 0 && v[0] < v[1] && v[1] <= 1))
                    throw Fail(t.Value, "thresholds: expected [a, b] with 0 < a < b <= 1, the cumulative shares ending A and B, e.g. [0.8, 0.95]");
                options = options with { AThreshold = v[0], BThreshold = v[1] };
            }
            if (node.Property("classes") is { } c)
            {
                var names = Strings(c.Value, "classes");
                if (names.Length != 3) throw Fail(c.Value, "classes: expected three names, best first, e.g. [\"A\", \"B\", \"C\"]");
                options = options with { ClassA = names[0], ClassB = names[1], ClassC = names[2] };
            }
            options = options with { NonPositiveClass = OptStr(node, "loss_class") };
            return new AbcSpec(name, node.Line, indicator, options);
        }

        private ClassifierSpec RfmKind(JsonNode node, string name, bool eight)
        {
            string r = "recency_days", f = "orders", m = "amount";
            if (node.Property("indicators") is { } ind)
            {
                if (ind.Value.Kind != JsonValueKind.Object)
                    throw Fail(ind.Value, "indicators: expected {\"recency\": …, \"frequency\": …, \"monetary\": …}");
                Keys(ind.Value, "indicators", ["recency", "frequency", "monetary"]);
                if (ind.Value.Property("recency") is { } rp) r = Indicator(rp.Value, numeric: true);
                if (ind.Value.Property("frequency") is { } fp) f = Indicator(fp.Value, numeric: true);
                if (ind.Value.Property("monetary") is { } mp) m = Indicator(mp.Value, numeric: true);
            }
            var language = Language(node, eight ? SegmentLanguage.Chinese : SegmentLanguage.English);
            if (eight) return new Rfm8Spec(name, node.Line, r, f, m, language);
            Dictionary<int, string>? cells = null;
            if (node.Property("cells") is { } cp)
            {
                if (cp.Value.Kind != JsonValueKind.Object) throw Fail(cp.Value, "cells: expected an object of cell → segment, e.g. {\"555\": \"VIP\"}");
                cells = [];
                foreach (var p in cp.Value.Properties)
                {
                    if (!int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int cell) || p.Name.Length != 3
                        || p.Name.Any(ch => ch is < '1' or > '5'))
                        throw new SchemeException(source, p.Line, p.Column, $"cells: '{p.Name}' is not an RFM cell; expected three digits 1–5 (r, f, m), e.g. \"555\"");
                    if (p.Value.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.Text))
                        throw Fail(p.Value, $"cells: expected a segment name for cell {p.Name}");
                    cells[cell] = p.Value.Text!;
                }
            }
            return new RfmSpec(name, node.Line, r, f, m, language, cells);
        }

        private ScoreSpec Score(JsonNode node, string name)
        {
            var list = Need(node, "indicators", $"classifier '{name}'").Value;
            if (list.Kind != JsonValueKind.Array || list.Items.Count == 0)
                throw Fail(list, "indicators: expected a non-empty array of {\"indicator\": …, \"weight\": …, \"direction\": …}");
            var ahpProp = node.Property("ahp");
            var specs = new List<(string Name, double Weight, ScoreDirection Direction)>();
            foreach (var item in list.Items)
            {
                if (item.Kind != JsonValueKind.Object) throw Fail(item, "expected {\"indicator\": …, \"weight\": …, \"direction\": …}");
                Keys(item, "a scored indicator", ["indicator", "weight", "direction"]);
                string indicator = Indicator(Need(item, "indicator", "a scored indicator").Value, numeric: true);
                if (specs.Any(s => s.Name == indicator)) throw Fail(item, $"indicator '{indicator}' appears twice in the score");
                double weight = 0;
                var w = item.Property("weight");
                if (ahpProp is not null && w is not null)
                    throw Fail(w.Value, "give either weights or an AHP matrix ('ahp'), not both");
                if (ahpProp is null)
                {
                    if (w is null) throw Fail(item, $"'{indicator}' needs a 'weight' (a positive number) unless the score has an 'ahp' matrix");
                    if (w.Value.Kind != JsonValueKind.Number || !(w.Value.Number > 0) || !double.IsFinite(w.Value.Number))
                        throw Fail(w.Value, $"weight of '{indicator}': expected a positive number");
                    weight = w.Value.Number;
                }
                var direction = ScoreDirection.HigherIsBetter;
                if (item.Property("direction") is { } d)
                    direction = (d.Value.Kind == JsonValueKind.String ? d.Value.Text : null) switch
                    {
                        "higher_is_better" => ScoreDirection.HigherIsBetter,
                        "lower_is_better" => ScoreDirection.LowerIsBetter,
                        _ => throw Fail(d.Value, "direction: expected \"higher_is_better\" or \"lower_is_better\""),
                    };
                specs.Add((indicator, weight, direction));
            }
            AhpResult? ahp = null;
            if (ahpProp is not null)
            {
                ahp = AhpWeights(ahpProp.Value, specs.Count);
                for (int k = 0; k < specs.Count; k++) specs[k] = specs[k] with { Weight = ahp.Weights[k] };
            }
            var options = new ScoringOptions { Indicators = [.. specs.Select(s => new ScoredIndicator(s.Name, s.Weight, s.Direction))] };
            if (node.Property("normalisation") is { } n)
                options = options with
                {
                    Normalisation = (n.Value.Kind == JsonValueKind.String ? n.Value.Text : null) switch
                    {
                        "min_max" => Normalisation.MinMax,
                        "z_score" => Normalisation.ZScore,
                        "percentile_rank" => Normalisation.PercentileRank,
                        _ => throw Fail(n.Value, "normalisation: expected \"min_max\", \"z_score\" or \"percentile_rank\""),
                    },
                };
            if (node.Property("winsorise") is { } wp)
            {
                var v = Numbers(wp.Value, "winsorise");
                if (v.Length != 2 || !(v[0] >= 0 && v[0] < v[1] && v[1] <= 1))
                    throw Fail(wp.Value, "winsorise: expected [lower, upper] percentiles with 0 <= lower < upper <= 1, e.g. [0.01, 0.99]");
                options = options with { WinsorLower = v[0], WinsorUpper = v[1] };
            }
            var scoreTiers = node.Property("score_tiers");
            var shareTiers = node.Property("share_tiers");
            if (scoreTiers is not null && shareTiers is not null)
                throw Fail(shareTiers.Value, "give either score_tiers or share_tiers, not both");
            if (scoreTiers is not null)
            {
                var tiers = new List<ScoreTier>();
                foreach (var t in Tiers(scoreTiers.Value, "score_tiers", "min_score"))
                {
                    var (tierName, min, at) = t;
                    if (!(min >= 0 && min <= 100)) throw Fail(at, $"min_score of '{tierName}' is {Num(min)}; expected 0–100");
                    if (tiers.Count > 0 && !(min < tiers[^1].MinScore))
                        throw Fail(at, $"score tiers overlap: '{tierName}' (min_score {Num(min)}) follows '{tiers[^1].Name}' ({Num(tiers[^1].MinScore)}); minimum scores must be strictly decreasing, best tier first");
                    tiers.Add(new ScoreTier(tierName, min));
                }
                options = options with { ScoreTiers = tiers };
            }
            if (shareTiers is not null)
            {
                var tiers = new List<ShareTier>();
                foreach (var (tierName, share, at) in Tiers(shareTiers.Value, "share_tiers", "share"))
                {
                    if (!(share > 0 && share <= 1)) throw Fail(at, $"share of '{tierName}' is {Num(share)}; expected more than 0 and at most 1");
                    tiers.Add(new ShareTier(tierName, share));
                }
                double sum = tiers.Sum(t => t.Share);
                if (sum > 1 + 1e-9)
                    throw Fail(shareTiers.Value, $"share tiers sum to {Num(sum)}; expected at most 1 (the rest tier takes what is left)");
                options = options with { ShareTiers = tiers };
            }
            if (OptStr(node, "rest_tier") is { } rest) options = options with { RestTier = rest };
            return new ScoreSpec(name, node.Line, options with { Name = name }, ahp);
        }

        private AhpResult AhpWeights(JsonNode matrix, int n)
        {
            if (matrix.Kind != JsonValueKind.Array || matrix.Items.Count != n)
                throw Fail(matrix, $"ahp: expected a square matrix with one row per indicator ({n} rows of {n} numbers)");
            var a = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                var row = matrix.Items[i];
                var values = Numbers(row, $"ahp row {i + 1}");
                if (values.Length != n) throw Fail(row, $"ahp: the matrix is not square: row {i + 1} has {values.Length} numbers, expected {n}");
                for (int j = 0; j < n; j++) a[i, j] = values[j];
            }
            try
            {
                return Ahp.Weights(a).EnsureConsistent();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                string message = e is ArgumentException ae ? ae.Message.Replace($" (Parameter '{ae.ParamName}')", "", StringComparison.Ordinal) : e.Message;
                throw Fail(matrix, $"ahp: {message}");
            }
        }

        private IEnumerable<(string Name, double Value, JsonNode At)> Tiers(JsonNode list, string key, string valueKey)
        {
            if (list.Kind != JsonValueKind.Array || list.Items.Count == 0)
                throw Fail(list, $"{key}: expected a non-empty array of {{\"name\": …, \"{valueKey}\": …}}, best first");
            foreach (var item in list.Items)
            {
                if (item.Kind != JsonValueKind.Object) throw Fail(item, $"{key}: expected {{\"name\": …, \"{valueKey}\": …}}");
                Keys(item, key, ["name", valueKey]);
                string tierName = Str(item, "name", $"a tier of {key}");
                var v = Need(item, valueKey, $"tier '{tierName}'").Value;
                if (v.Kind != JsonValueKind.Number) throw Fail(v, $"{valueKey} of '{tierName}': expected a number");
                yield return (tierName, v.Number, v);
            }
        }

        private RulesSpec RulesKind(JsonNode node, string name)
        {
            var mode = RuleMode.FirstMatch;
            if (node.Property("mode") is { } mp)
                mode = (mp.Value.Kind == JsonValueKind.String ? mp.Value.Text : null) switch
                {
                    "first_match" => RuleMode.FirstMatch,
                    "all_match" => RuleMode.AllMatch,
                    _ => throw Fail(mp.Value, "mode: expected \"first_match\" or \"all_match\""),
                };
            var list = Need(node, "rules", $"classifier '{name}'").Value;
            if (list.Kind != JsonValueKind.Array || list.Items.Count == 0)
                throw Fail(list, "rules: expected a non-empty array of {\"then\": …, \"when\": [conditions]}");
            var rules = new List<Rule>();
            foreach (var item in list.Items)
            {
                if (item.Kind != JsonValueKind.Object) throw Fail(item, "expected a rule {\"then\": …, \"when\": [conditions]}");
                Keys(item, "a rule", ["then", "when"]);
                string outcome = Str(item, "then", "a rule");
                var when = Need(item, "when", $"rule '{outcome}'").Value;
                if (when.Kind != JsonValueKind.Array || when.Items.Count == 0)
                    throw Fail(when, "when: expected a non-empty array of {\"indicator\": …, \"op\": …, \"value\": …} (all must hold)");
                rules.Add(new Rule(outcome, [.. when.Items.Select(Condition)]));
            }
            string fallback = OptStr(node, "default") ?? RuleSet.NoMatch;
            return new RulesSpec(name, node.Line, new RuleSet(mode, rules, fallback, name));
        }

        private RuleCondition Condition(JsonNode c)
        {
            if (c.Kind != JsonValueKind.Object) throw Fail(c, "expected a condition {\"indicator\": …, \"op\": …, \"value\": …}");
            Keys(c, "a condition", ["indicator", "op", "value"]);
            var indicatorNode = Need(c, "indicator", "a condition").Value;
            string indicator = Indicator(indicatorNode, numeric: null);
            bool isText = IndicatorCatalog.Find(indicator)!.IsText;
            var opNode = Need(c, "op", "a condition").Value;
            var op = opNode.Kind == JsonValueKind.String ? RuleCondition.ParseOperator(opNode.Text!) : null;
            if (op is null) throw Fail(opNode, "op: expected one of >, >=, <, <=, ==, !=, in");
            var value = Need(c, "value", "a condition").Value;
            if (isText)
            {
                if (op is not (RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In))
                    throw Fail(opNode, $"{indicator} is a text indicator: expected ==, != or in");
                if (op == RuleOperator.In) return new RuleCondition(indicator, op.Value, Texts: Strings(value, "value"));
                if (value.Kind != JsonValueKind.String) throw Fail(value, $"{indicator} is a text indicator: expected a string value");
                return new RuleCondition(indicator, op.Value, Texts: [value.Text!]);
            }
            if (op == RuleOperator.In) throw Fail(opNode, $"{indicator} is numeric: 'in' takes text indicators; use >, >=, <, <=, == or !=");
            if (value.Kind != JsonValueKind.Number) throw Fail(value, $"{indicator} is numeric: expected a number value");
            return new RuleCondition(indicator, op.Value, value.Number);
        }

        private KMeansSpec KMeansKind(JsonNode node, string name)
        {
            var list = Need(node, "indicators", $"classifier '{name}'").Value;
            if (list.Kind != JsonValueKind.Array || list.Items.Count == 0) throw Fail(list, "indicators: expected a non-empty array of indicator names");
            var indicators = new List<string>();
            foreach (var item in list.Items)
            {
                string indicator = Indicator(item, numeric: true);
                if (indicators.Contains(indicator)) throw Fail(item, $"indicator '{indicator}' appears twice");
                indicators.Add(indicator);
            }
            var options = new KMeansOptions { Indicators = indicators, Name = name };
            var k = node.Property("k");
            var maxK = node.Property("max_k");
            if (k is not null && maxK is not null) throw Fail(maxK.Value, "give either k or max_k, not both");
            if (k is not null) options = options with { K = Int(k.Value, "k", 2) };
            if (maxK is not null) options = options with { MaxK = Int(maxK.Value, "max_k", 2) };
            if (node.Property("seed") is { } s) options = options with { Seed = (ulong)Int(s.Value, "seed", 0) };
            if (node.Property("normalisation") is { } n)
                options = options with
                {
                    Normalisation = (n.Value.Kind == JsonValueKind.String ? n.Value.Text : null) switch
                    {
                        "z_score" => Clustering.Normalisation.ZScore,
                        "min_max" => Clustering.Normalisation.MinMax,
                        _ => throw Fail(n.Value, "normalisation: expected \"z_score\" or \"min_max\""),
                    },
                };
            if (node.Property("class_names") is { } cn) options = options with { ClassNames = Strings(cn.Value, "class_names") };
            return new KMeansSpec(name, node.Line, options);
        }

        private LifecycleSpec LifecycleKind(JsonNode node, string name)
        {
            var o = new LifecycleOptions { Name = name };
            double Get(string key, double fallback)
            {
                if (node.Property(key) is not { } p) return fallback;
                if (p.Value.Kind != JsonValueKind.Number) throw Fail(p.Value, $"{key}: expected a number");
                return p.Value.Number;
            }
            o = o with
            {
                NewMaxTenureDays = Get("new_max_tenure_days", o.NewMaxTenureDays),
                DormantRecencyDays = Get("dormant_recency_days", o.DormantRecencyDays),
                LostRecencyDays = Get("lost_recency_days", o.LostRecencyDays),
                DecliningGrowth = Get("declining_growth", o.DecliningGrowth),
                GrowingGrowth = Get("growing_growth", o.GrowingGrowth),
                ChineseNames = Language(node, SegmentLanguage.English) == SegmentLanguage.Chinese,
            };
            return new LifecycleSpec(name, node.Line, o);
        }

        private SegmentLanguage Language(JsonNode node, SegmentLanguage fallback)
        {
            if (node.Property("language") is not { } p) return fallback;
            return (p.Value.Kind == JsonValueKind.String ? p.Value.Text : null) switch
            {
                "en" => SegmentLanguage.English,
                "zh" => SegmentLanguage.Chinese,
                _ => throw Fail(p.Value, "language: expected \"en\" or \"zh\""),
            };
        }

        // numeric: true = must be numeric, false = must be text, null = either.
        private string Indicator(JsonNode node, bool? numeric)
        {
            if (node.Kind != JsonValueKind.String) throw Fail(node, "expected an indicator name (a string)");
            string name = node.Text!;
            var definition = IndicatorCatalog.Find(name);
            if (definition is null)
            {
                var near = IndicatorCatalog.All.Select(d => d.Name)
                    .Where(n => Distance(n, name) <= Math.Max(2, name.Length / 4) || n.Contains(name, StringComparison.Ordinal) || name.Contains(n, StringComparison.Ordinal))
                    .ToList();
                throw Fail(node, near.Count > 0
                    ? $"unknown indicator '{name}'; did you mean {string.Join(", ", near)}?"
                    : $"unknown indicator '{name}'; known: {string.Join(", ", IndicatorCatalog.All.Select(d => d.Name))}");
            }
            if (numeric == true && definition.IsText) throw Fail(node, $"indicator '{name}' is text; expected a numeric indicator");
            return name;
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

        private void Keys(JsonNode obj, string where, string[] allowed)
        {
            if (obj.Kind != JsonValueKind.Object) throw Fail(obj, $"{where}: expected an object");
            foreach (var p in obj.Properties)
                if (!allowed.Contains(p.Name))
                    throw new SchemeException(source, p.Line, p.Column, $"unknown key '{p.Name}' in {where}; allowed: {string.Join(", ", allowed)}");
        }

        private JsonProperty Need(JsonNode obj, string key, string where) =>
            obj.Property(key) ?? throw Fail(obj, $"{where} needs '{key}'");

        private string Str(JsonNode obj, string key, string where)
        {
            var v = Need(obj, key, where).Value;
            if (v.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.Text)) throw Fail(v, $"{key}: expected a non-empty string");
            return v.Text!;
        }

        private string? OptStr(JsonNode obj, string key)
        {
            if (obj.Property(key) is not { } p) return null;
            if (p.Value.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.Text)) throw Fail(p.Value, $"{key}: expected a non-empty string");
            return p.Value.Text;
        }

        private double[] Numbers(JsonNode node, string key)
        {
            if (node.Kind != JsonValueKind.Array || node.Items.Any(i => i.Kind != JsonValueKind.Number))
                throw Fail(node, $"{key}: expected an array of numbers");
            return [.. node.Items.Select(i => i.Number)];
        }

        private string[] Strings(JsonNode node, string key)
        {
            if (node.Kind != JsonValueKind.Array || node.Items.Count == 0 || node.Items.Any(i => i.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(i.Text)))
                throw Fail(node, $"{key}: expected a non-empty array of non-empty strings");
            return [.. node.Items.Select(i => i.Text!)];
        }

        private int Int(JsonNode node, string key, int min)
        {
            if (node.Kind != JsonValueKind.Number || node.Number != Math.Floor(node.Number) || node.Number < min || node.Number > int.MaxValue)
                throw Fail(node, $"{key}: expected a whole number ≥ {min}");
            return (int)node.Number;
        }

        private SchemeException Fail(JsonNode at, string detail) => new(source, at.Line, at.Column, detail);

        private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    }

    // Every catalog indicator with no customers: running a classifier on it exercises its own validation only.
    private static readonly IndicatorTable EmptyTable = IndicatorTable.Create(new DateOnly(2000, 1, 1), [],
        IndicatorCatalog.All.Where(d => !d.IsText).ToDictionary(d => d.Name, _ => Array.Empty<double>()),
        IndicatorCatalog.All.Where(d => d.IsText).ToDictionary(d => d.Name, _ => Array.Empty<string?>()));
}
