namespace Allot.Server.Imports;

/// <summary>An upload refused before anything was imported.</summary>
internal sealed class UploadException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
