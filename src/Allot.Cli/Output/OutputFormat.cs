namespace Allot.Cli.Output;

/// <summary>How data is printed on stdout.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,

    /// <summary>iCalendar (RFC 5545): <c>allot followups export</c> only.</summary>
    Ics,
}
