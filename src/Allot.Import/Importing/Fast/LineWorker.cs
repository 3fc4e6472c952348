namespace Allot.Import.Importing.Fast;

/// <summary>Takes the lines of a file's chunks on one thread; <see cref="ChunkedLines"/> runs one per core.</summary>
internal abstract class LineWorker
{
    /// <summary>Handles one line, without its line break (LF or CRLF).</summary>
    /// <param name="line">The bytes.</param>
    /// <param name="plain">True when every byte is printable ASCII or the delimiter: no quote, no control
    /// character, nothing beyond ASCII.</param>
    /// <param name="chunk">The chunk's number, in file order.</param>
    /// <param name="lineInChunk">The line's 0-based number within its chunk (blank lines count).</param>
    /// <returns>False to give up the whole file (something the fast reader does not take).</returns>
    public abstract bool Line(ReadOnlySpan<byte> line, bool plain, int chunk, int lineInChunk);
}
