using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>A rule classifier in a scheme (<see cref="Schemes.Rules"/>); in all-match mode its outcomes are the
/// customers' tags.</summary>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="RuleSet">Mode, rules and default class.</param>
public sealed record RulesSpec(string Name, int Line, RuleSet RuleSet) : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "rules";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators =>
        [.. RuleSet.Rules.SelectMany(r => r.Conditions).Select(c => c.Indicator).Distinct(StringComparer.Ordinal)];

    /// <summary>True when the classifier gives tags: all-match mode.</summary>
    public bool GivesTags => RuleSet.Mode == RuleMode.AllMatch;

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) => Rules.Classify(table, RuleSet with { Name = Name });
}
