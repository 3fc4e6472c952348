namespace Allot.Core.Allocation.Policies;

/// <summary>A policy that cannot be read or is inconsistent; the message reads "source:line:column: detail".</summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The policy's file name or other label.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column (characters).</param>
    /// <param name="detail">What is wrong and what was expected.</param>
    /// <param name="inner">The exception that revealed it, if any.</param>
    public PolicyException(string source, int line, int column, string detail, Exception? inner = null)
        : base($"{source}:{line}:{column}: {detail}", inner)
    {
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>The message without the position.</summary>
    public string Detail { get; }
}
