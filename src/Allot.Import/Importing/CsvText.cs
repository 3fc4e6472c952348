namespace Allot.Import.Importing;

/// <summary>RFC 4180 quoting for CSV that Allot writes (rejects, <c>--format csv</c>).</summary>
public static class CsvText
{
    /// <summary>The field as is, or quoted (with doubled quotes) when it holds a comma, quote or line break.</summary>
    public static string Quote(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        return s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
