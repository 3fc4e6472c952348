namespace Allot.Import.Reading;

/// <summary>A problem with a whole file: nothing of it is imported.</summary>
public sealed class ImportFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="message">What is wrong, naming line and column when known, and what was expected.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ImportFileException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner) => FilePath = path;

    /// <summary>The file.</summary>
    public string FilePath { get; }
}
