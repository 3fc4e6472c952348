namespace Allot.Core.Maintenance;

/// <summary>A rules file that cannot be read or is inconsistent; the message says where and what was expected.</summary>
/// <remarks>The message reads "source:line:column: detail" like the scheme parser's; line and column are 1-based and
/// the column counts characters.</remarks>
public sealed class RulesException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The rules file's name or other label.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="detail">What is wrong and what was expected.</param>
    /// <param name="inner">The exception that revealed it, if any.</param>
    public RulesException(string source, int line, int column, string detail, Exception? inner = null)
        : base($"{source}:{line}:{column}: {detail}", inner)
    {
        SourceName = source;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The rules file's name or other label.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>The message without the position.</summary>
    public string Detail { get; }
}
