namespace Allot.Import.Reading;

/// <summary>Reuses the string for short field values seen recently (a customer key on consecutive orders, a
/// category, a channel), so a large import allocates far fewer strings.</summary>
/// <remarks>A direct-mapped cache: one slot per hash bucket, the newest value wins. A miss costs a hash and an
/// allocation, as without the pool; values longer than <see cref="MaxLength"/> are never pooled.</remarks>
internal sealed class StringPool
{
    public const int MaxLength = 32;
    private const int Slots = 4096;
    private readonly string?[] _slots = new string?[Slots];

    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return string.Empty;
        if (chars.Length > MaxLength) return new string(chars);
        uint hash = 2166136261;
        foreach (char c in chars) hash = (hash ^ c) * 16777619;
        ref string? slot = ref _slots[hash & (Slots - 1)];
        if (slot is not null && chars.SequenceEqual(slot)) return slot;
        return slot = new string(chars);
    }
}
