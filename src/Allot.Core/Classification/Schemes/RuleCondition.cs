namespace Allot.Core.Classification.Schemes;

/// <summary>One test of a rule: an indicator compared with a number, a text or a list of texts.</summary>
/// <remarks>
/// Exactly one of <see cref="Number"/> (numeric indicator) and <see cref="Texts"/> (text indicator) is set;
/// <c>==</c> and <c>!=</c> on a text indicator take a list of one. A missing value — NaN for a number, null for a
/// text — never satisfies a condition, not even <c>!=</c>: a rule must not fire on data nobody recorded.
/// </remarks>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Number">The number compared with, for a numeric indicator.</param>
/// <param name="Texts">The text(s) compared with, for a text indicator.</param>
public sealed record RuleCondition(string Indicator, RuleOperator Operator, double? Number = null, IReadOnlyList<string>? Texts = null)
{
    /// <summary>The operator as written in a scheme: <c>&gt; &gt;= &lt; &lt;= == != in</c>.</summary>
    public string Symbol => Operator switch
    {
        RuleOperator.GreaterThan => ">",
        RuleOperator.GreaterOrEqual => ">=",
        RuleOperator.LessThan => "<",
        RuleOperator.LessOrEqual => "<=",
        RuleOperator.Equal => "==",
        RuleOperator.NotEqual => "!=",
        _ => "in",
    };

    /// <summary>The operator written <paramref name="symbol"/>, or null.</summary>
    /// <param name="symbol">One of <c>&gt; &gt;= &lt; &lt;= == != in</c>.</param>
    public static RuleOperator? ParseOperator(string symbol) => symbol switch
    {
        ">" => RuleOperator.GreaterThan,
        ">=" => RuleOperator.GreaterOrEqual,
        "<" => RuleOperator.LessThan,
        "<=" => RuleOperator.LessOrEqual,
        "==" => RuleOperator.Equal,
        "!=" => RuleOperator.NotEqual,
        "in" => RuleOperator.In,
        _ => null,
    };
}
