namespace Allot.Import.Generation;

/// <summary>What one writer put in one file.</summary>
/// <param name="Rows">Data rows (header excluded).</param>
/// <param name="Bytes">File size in bytes.</param>
internal readonly record struct FileResult(long Rows, long Bytes);
