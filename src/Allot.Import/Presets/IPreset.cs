using Allot.Import.Importing;

namespace Allot.Import.Presets;

/// <summary>Import of a known public data set's layout (<c>--preset NAME</c>).</summary>
public interface IPreset
{
    /// <summary>The name given to <c>--preset</c>.</summary>
    string Name { get; }

    /// <summary>One line for help text.</summary>
    string Description { get; }

    /// <summary>Imports a file; orders and the customers they name land together.</summary>
    FileImportReport Import(Importer importer, string path, ImportOptions options);
}
