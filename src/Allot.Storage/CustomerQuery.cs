namespace Allot.Storage;

/// <summary>Filters for listing customers; null means any. Text matches key, name, phone or email (substring).</summary>
public sealed record CustomerQuery
{
    /// <summary>Customer type, exact.</summary>
    public string? Type { get; init; }

    /// <summary>Region, exact.</summary>
    public string? Region { get; init; }

    /// <summary>Industry, exact.</summary>
    public string? Industry { get; init; }

    /// <summary>Owner rep key, exact; "-" for customers without owner.</summary>
    public string? Owner { get; init; }

    /// <summary>Owner rep key within this set (a manager's team, a rep's own); an empty set matches nobody. Applies
    /// together with <see cref="Owner"/>.</summary>
    public IReadOnlyList<string>? Owners { get; init; }

    /// <summary>The classification run that <see cref="Tier"/>, <see cref="Segment"/> and <see cref="Stage"/> refer to;
    /// null for the latest run.</summary>
    public long? Run { get; init; }

    /// <summary>Tier in the classification run, exact.</summary>
    public string? Tier { get; init; }

    /// <summary>Segment in the classification run, exact.</summary>
    public string? Segment { get; init; }

    /// <summary>Lifecycle stage in the classification run, exact.</summary>
    public string? Stage { get; init; }

    /// <summary>Substring of key, name, phone or email.</summary>
    public string? Text { get; init; }

    /// <summary>Rows to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Maximum rows returned.</summary>
    public int Limit { get; init; } = 100;
}
