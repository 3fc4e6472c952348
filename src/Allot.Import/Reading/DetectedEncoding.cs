using System.Text;

namespace Allot.Import.Reading;

/// <summary>The result of encoding detection.</summary>
/// <param name="Encoding">The encoding to decode with; its decoder throws on invalid bytes.</param>
/// <param name="Name">A short name for messages, e.g. "UTF-8" or "GB18030".</param>
/// <param name="PreambleLength">Bytes of byte-order mark to skip at the start of the file (0 when none).</param>
internal sealed record DetectedEncoding(Encoding Encoding, string Name, int PreambleLength)
{
    /// <summary>True when the file started with a byte-order mark.</summary>
    public bool HasBom => PreambleLength > 0;
}
