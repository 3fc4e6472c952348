using System.Globalization;

namespace Allot.Storage;

/// <summary>Lists kept in one text column, ';'-separated (the same separator the CSV layout uses).</summary>
internal static class ListColumn
{
    public static string Join(IEnumerable<string> items) => string.Join(';', items);

    public static IReadOnlyList<string> Split(string text) =>
        text.Length == 0 ? [] : text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinPairs(IReadOnlyDictionary<string, int> pairs) =>
        string.Join(';', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static IReadOnlyDictionary<string, int> SplitPairs(string text)
    {
        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string item in Split(text))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) pairs[item[..eq]] = int.Parse(item[(eq + 1)..], CultureInfo.InvariantCulture);
        }
        return pairs;
    }
}
