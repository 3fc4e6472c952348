namespace Allot.Import.Tests;

/// <summary>Finds the shared real-data folder (<c>&lt;repo root&gt;/../shared/data</c>) from the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>The shared data folder.</summary>
    public static string Root => s_root.Value;

    /// <summary>A file under the shared data folder, e.g. <c>File("cdnow", "CDNOW_master.txt")</c>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        // Walk up from bin/… to the repo root (the folder with Allot.slnx); the data sits beside the repo.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Allot.slnx")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(beside))
                {
                    return beside;
                }
                var inside = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(inside))
                {
                    return inside;
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"shared/data not found beside the repo root above {AppContext.BaseDirectory}; see ../shared/data/README.md");
    }
}
