namespace Allot.Import.Reading;

/// <summary>How the fields of a text table are separated.</summary>
/// <param name="Delimiter">The delimiter, or <see cref="NoDelimiter"/> for a single column.</param>
/// <param name="Whitespace">True when fields are separated by runs of spaces/tabs instead.</param>
internal readonly record struct TextLayout(char Delimiter, bool Whitespace)
{
    /// <summary>A Unicode noncharacter that never occurs in real text: "one column, do not split".</summary>
    public const char NoDelimiter = '\uFFFF';

    /// <summary>Fields split on runs of spaces/tabs.</summary>
    public static TextLayout WhitespaceSeparated => new(NoDelimiter, true);

    /// <summary>For messages: "comma-separated", "whitespace-separated", "single column", ...</summary>
    public string Describe() => Whitespace ? "whitespace-separated" : Delimiter switch
    {
        ',' => "comma-separated",
        ';' => "semicolon-separated",
        '\t' => "tab-separated",
        '|' => "pipe-separated",
        NoDelimiter => "single column",
        _ => $"'{Delimiter}'-separated",
    };
}
