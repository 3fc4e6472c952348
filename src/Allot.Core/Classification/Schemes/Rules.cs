using System.Globalization;
using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>Classifies customers by ordered if-then rules on indicators (e.g. overdue_amount &gt; 10000 →
/// credit_risk).</summary>
/// <remarks>
/// A rule matches when all its conditions hold. <see cref="RuleMode.FirstMatch"/>: the class is the first matching
/// rule's outcome; <see cref="RuleMode.AllMatch"/>: the outcomes of all matching rules joined by ";" in rule order
/// (an outcome repeated by several rules is written once). A customer no rule matches gets
/// <see cref="RuleSet.DefaultClass"/>. A missing value (NaN, or a null text) never satisfies a condition — not
/// even <c>!=</c> — so NaN &gt; 0, NaN &lt;= 0 and NaN != 5 are all false. Numbers are compared exactly.
/// Reasons name each matching rule by number and outcome with the values compared, e.g.
/// "rule 2 'credit_risk': overdue_amount 12,500 &gt; 10,000"; for no match they give, per rule, the first
/// condition that failed. Numbers: rule (1-based number of the first matching rule, 0 for none), matched_rules
/// (how many matched) and the value of every numeric indicator the rules read, by indicator name.
/// </remarks>
public static class Rules
{
    /// <summary>Classifies every customer of the table.</summary>
    /// <param name="table">The indicators.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>Result named <see cref="RuleSet.Name"/>, assignments in table row order; classes are the distinct
    /// outcomes in rule order, then the default (combinations of <see cref="RuleMode.AllMatch"/> are not listed).</returns>
    /// <exception cref="ArgumentException">No rules, a rule without conditions, an empty outcome (or one holding
    /// ";" in all-match mode), a number condition on a text indicator or the reverse, a number that is not
    /// finite, or <c>in</c> on a number.</exception>
    /// <exception cref="KeyNotFoundException">An indicator the table lacks.</exception>
    public static ClassifierResult Classify(IndicatorTable table, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        Validate(table, rules);
        int n = table.Count;
        var numericNames = rules.Rules.SelectMany(r => r.Conditions).Where(c => c.Texts is null)
            .Select(c => c.Indicator).Distinct(StringComparer.Ordinal).ToArray();
        var numbers = numericNames.ToDictionary(name => name, name => table.Number(name).ToArray(), StringComparer.Ordinal);
        var texts = rules.Rules.SelectMany(r => r.Conditions).Where(c => c.Texts is not null)
            .Select(c => c.Indicator).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => table.Text(name), StringComparer.Ordinal);

        var assignments = new ClassAssignment[n];
        for (int i = 0; i < n; i++)
        {
            var outcomes = new List<string>();
            var reasons = new List<string>();
            var failures = new List<string>();
            int first = 0, matched = 0;
            for (int r = 0; r < rules.Rules.Count; r++)
            {
                var rule = rules.Rules[r];
                var held = new List<string>();
                string? failed = null;
                foreach (var condition in rule.Conditions)
                {
                    bool ok = Holds(condition, numbers, texts, i, out string described);
                    if (!ok) { failed = described; break; }
                    held.Add(described);
                }
                string label = $"rule {r + 1} '{rule.Outcome}'";
                if (failed is not null)
                {
                    failures.Add($"{label}: not {failed}");
                    continue;
                }
                matched++;
                if (first == 0) first = r + 1;
                if (!outcomes.Contains(rule.Outcome)) outcomes.Add(rule.Outcome);
                reasons.Add($"{label}: {string.Join(" and ", held)}");
                if (rules.Mode == RuleMode.FirstMatch) break;
            }
            string cls = outcomes.Count == 0 ? rules.DefaultClass : string.Join(RuleSet.Separator, outcomes);
            string reason = outcomes.Count == 0
                ? $"no rule matched, so {rules.DefaultClass}: {string.Join("; ", failures)}"
                : string.Join("; ", reasons);
            var nums = new Dictionary<string, double>(StringComparer.Ordinal) { ["rule"] = first, ["matched_rules"] = matched };
            foreach (string name in numericNames) nums[name] = numbers[name][i];
            assignments[i] = new ClassAssignment(table.CustomerKeys[i], cls, reason, nums);
        }
        var classes = rules.Rules.Select(r => r.Outcome).Append(rules.DefaultClass).Distinct(StringComparer.Ordinal).ToList();
        return new ClassifierResult(rules.Name, classes, assignments);
    }

    // Describes the comparison as it reads for this customer, e.g. "overdue_amount 12,500 > 10,000", whether it held or not.
    private static bool Holds(RuleCondition c, Dictionary<string, double[]> numbers, Dictionary<string, IReadOnlyList<string?>> texts,
        int row, out string described)
    {
        if (c.Texts is { } wanted)
        {
            string? v = texts[c.Indicator][row];
            string target = c.Operator == RuleOperator.In ? "[" + string.Join(", ", wanted) + "]" : $"'{wanted[0]}'";
            described = $"{c.Indicator} {(v is null ? "missing" : $"'{v}'")} {c.Symbol} {target}";
            if (v is null) return false;
            bool member = wanted.Contains(v, StringComparer.Ordinal);
            return c.Operator == RuleOperator.NotEqual ? !member : member;
        }
        double x = numbers[c.Indicator][row], y = c.Number!.Value;
        described = $"{c.Indicator} {Format(x)} {c.Symbol} {Format(y)}";
        if (double.IsNaN(x)) return false;
        return c.Operator switch
        {
            RuleOperator.GreaterThan => x > y,
            RuleOperator.GreaterOrEqual => x >= y,
            RuleOperator.LessThan => x < y,
            RuleOperator.LessOrEqual => x <= y,
            RuleOperator.Equal => x == y,
            _ => x != y,
        };
    }

    private static string Format(double v) => double.IsNaN(v) ? "missing" : v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Validate(IndicatorTable table, RuleSet rules)
    {
        const string param = "rules";
        if (rules.Rules is null || rules.Rules.Count == 0) throw new ArgumentException("a rule set needs at least one rule", param);
        if (string.IsNullOrWhiteSpace(rules.DefaultClass)) throw new ArgumentException("the default class must not be empty", param);
        for (int r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            string label = $"rule {r + 1}";
            if (string.IsNullOrWhiteSpace(rule.Outcome)) throw new ArgumentException($"{label} has an empty outcome", param);
            if (rules.Mode == RuleMode.AllMatch && rule.Outcome.Contains(RuleSet.Separator))
                throw new ArgumentException($"{label} outcome '{rule.Outcome}' contains ';', which separates outcomes", param);
            if (rule.Conditions is null || rule.Conditions.Count == 0) throw new ArgumentException($"{label} has no conditions", param);
            foreach (var c in rule.Conditions)
            {
                if (c.Texts is not null)
                {
                    if (!table.HasText(c.Indicator))
                        throw table.HasNumber(c.Indicator)
                            ? new ArgumentException($"{label}: {c.Indicator} is numeric; compare it with a number", param)
                            : new KeyNotFoundException($"{label}: unknown text indicator '{c.Indicator}'; known: {string.Join(", ", table.TextNames)}");
                    if (c.Operator is not (RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In))
                        throw new ArgumentException($"{label}: text indicator {c.Indicator} takes ==, != or in, not {c.Symbol}", param);
                    if (c.Texts.Count == 0 || (c.Operator != RuleOperator.In && c.Texts.Count != 1))
                        throw new ArgumentException($"{label}: {c.Indicator} {c.Symbol} needs {(c.Operator == RuleOperator.In ? "at least one text" : "one text")}", param);
                }
                else
                {
                    if (!table.HasNumber(c.Indicator))
                        throw table.HasText(c.Indicator)
                            ? new ArgumentException($"{label}: {c.Indicator} is text; compare it with ==, != or in and a text", param)
                            : new KeyNotFoundException($"{label}: unknown indicator '{c.Indicator}'; known: {string.Join(", ", table.NumberNames)}");
                    if (c.Number is not { } v || !double.IsFinite(v))
                        throw new ArgumentException($"{label}: {c.Indicator} {c.Symbol} needs a finite number", param);
                    if (c.Operator == RuleOperator.In) throw new ArgumentException($"{label}: 'in' takes texts, not a number", param);
                }
            }
        }
    }
}
