namespace Allot.Cli.Output;

/// <summary>How data is printed on stdout.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}
