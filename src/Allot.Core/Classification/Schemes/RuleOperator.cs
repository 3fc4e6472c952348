namespace Allot.Core.Classification.Schemes;

/// <summary>How a rule condition compares an indicator with its value.</summary>
/// <remarks>Numeric indicators take every operator but <see cref="In"/>; text indicators take
/// <see cref="Equal"/>, <see cref="NotEqual"/> and <see cref="In"/>, compared ordinally (case-sensitive).</remarks>
public enum RuleOperator
{
    /// <summary><c>&gt;</c>: strictly greater.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>: greater or equal.</summary>
    GreaterOrEqual,

    /// <summary><c>&lt;</c>: strictly less.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>: less or equal.</summary>
    LessOrEqual,

    /// <summary><c>==</c>: equal (exactly, for numbers).</summary>
    Equal,

    /// <summary><c>!=</c>: not equal.</summary>
    NotEqual,

    /// <summary><c>in</c>: the text is one of a list.</summary>
    In,
}
