namespace Allot.Import.Importing;

/// <summary>Progress of an import: rows so far and bytes of the current file.</summary>
/// <param name="File">The file being read.</param>
/// <param name="Rows">Rows read so far in this file.</param>
/// <param name="BytesRead">Bytes consumed, or -1 when unknown.</param>
/// <param name="Length">File length, or -1 when unknown.</param>
public readonly record struct ImportProgress(string File, long Rows, long BytesRead, long Length);
