namespace Allot.Core.Classification;

/// <summary>Language of the segment names a classifier writes as the class.</summary>
public enum SegmentLanguage
{
    /// <summary>English names, e.g. "Champions".</summary>
    English,

    /// <summary>Simplified Chinese names, e.g. "冠军客户".</summary>
    Chinese,
}
