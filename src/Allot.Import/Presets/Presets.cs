namespace Allot.Import.Presets;

/// <summary>The presets <c>allot import --preset</c> knows.</summary>
public static class Presets
{
    /// <summary>Every preset, by name.</summary>
    public static IReadOnlyList<IPreset> All { get; } = [new SuperstorePreset(), new OnlineRetailPreset(), new CdnowPreset()];

    /// <summary>A preset by name (case-insensitive), or null.</summary>
    public static IPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
