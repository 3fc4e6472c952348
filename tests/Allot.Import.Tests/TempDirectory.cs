using System.Text;

namespace Allot.Import.Tests;

/// <summary>A fresh directory for one test's fixture files, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory under the system temp folder.</summary>
    public TempDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "allot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>The directory.</summary>
    public string FullPath { get; }

    /// <summary>Writes raw bytes to a file in the directory and returns its path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(FullPath, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes text exactly (no BOM unless <paramref name="encoding"/> adds one via <paramref name="bom"/>).</summary>
    public string WriteText(string name, string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var body = encoding.GetBytes(text);
        return WriteBytes(name, bom ? [.. encoding.GetPreamble(), .. body] : body);
    }

    /// <summary>Deletes the directory and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A reader left open by a failing test must not hide the real failure.
        }
    }
}
