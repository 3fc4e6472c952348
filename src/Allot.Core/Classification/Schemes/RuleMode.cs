namespace Allot.Core.Classification.Schemes;

/// <summary>How a rule set turns matching rules into a class.</summary>
public enum RuleMode
{
    /// <summary>The class is the outcome of the first rule that matches, in rule order.</summary>
    FirstMatch,

    /// <summary>The class is the outcomes of every matching rule joined by ";" in rule order; used for tags.</summary>
    AllMatch,
}
