namespace Allot.Tests.Shared;

/// <summary>Finds the repository root (the folder holding Allot.slnx) and the real data sets in
/// <c>../shared/data</c> beside it.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(LocateRoot);

    /// <summary>The repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared data folder.</summary>
    public static string DataFolder => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "data"));

    /// <summary>Full path of a file under shared/data, e.g. <c>File("cdnow", "CDNOW_master.txt")</c>.</summary>
    public static string File(params string[] parts)
    {
        string path = Path.Combine([DataFolder, .. parts]);
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"real data file missing: {path}");
        return path;
    }

    private static string LocateRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Allot.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository root (Allot.slnx) above " + AppContext.BaseDirectory);
    }
}
