namespace Allot.Server.Endpoints;

/// <summary>A page of a list: the items, its number (from 1), and whether more follow.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: System.Text.Json.Serialization.JsonPropertyName("page")] int PageNumber, int PageSize, bool HasMore);

/// <summary>Page numbers and sizes from the query string, checked against the server's largest page.</summary>
internal static class Paging
{
    public const int DefaultSize = 50;

    /// <summary>The offset and size, or an error message.</summary>
    public static (int Offset, int Size, string? Error) Of(int? page, int? pageSize, int maxSize)
    {
        int p = page ?? 1, size = pageSize ?? DefaultSize;
        if (p < 1) return (0, 0, "page starts at 1");
        if (size < 1 || size > maxSize) return (0, 0, $"page_size must be between 1 and {maxSize}");
        if ((long)(p - 1) * size > int.MaxValue) return (0, 0, "page is too far");
        return ((p - 1) * size, size, null);
    }

    /// <summary>A page from a list fetched with one row more than the page size (to tell whether more follow).</summary>
    public static Page<TOut> From<TIn, TOut>(IReadOnlyList<TIn> fetched, int offset, int size, Func<TIn, TOut> map) =>
        new([.. fetched.Take(size).Select(map)], offset / size + 1, size, fetched.Count > size);
}
