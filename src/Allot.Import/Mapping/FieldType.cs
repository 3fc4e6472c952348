namespace Allot.Import.Mapping;

/// <summary>How a field's text is parsed.</summary>
public enum FieldType
{
    /// <summary>Text, trimmed; empty is null.</summary>
    Text,

    /// <summary>A date in any accepted format.</summary>
    Date,

    /// <summary>A decimal number (money, quantity).</summary>
    Number,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>Yes/no.</summary>
    Boolean,

    /// <summary>A ';' (or '；', '、', '|')-separated list.</summary>
    List,
}
