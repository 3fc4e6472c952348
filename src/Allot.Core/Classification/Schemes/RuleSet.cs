namespace Allot.Core.Classification.Schemes;

/// <summary>Ordered rules and what to do with them (<see cref="Rules.Classify"/>).</summary>
/// <param name="Mode">First match or all matches.</param>
/// <param name="Rules">The rules, in the order they are tried and reported (numbered from 1).</param>
/// <param name="DefaultClass">The class of a customer no rule matches.</param>
/// <param name="Name">The classifier's name in the result.</param>
public sealed record RuleSet(RuleMode Mode, IReadOnlyList<Rule> Rules, string DefaultClass = RuleSet.NoMatch, string Name = "rules")
{
    /// <summary>The default class when none is given: "none".</summary>
    public const string NoMatch = "none";

    /// <summary>The separator of outcomes in <see cref="RuleMode.AllMatch"/>.</summary>
    public const char Separator = ';';
}
