using System.Globalization;
using System.Text;

namespace Allot.Storage;

/// <summary>A classification result's figures column: values in the run's figure-name order, ';'-separated,
/// round-trip precision, empty for a missing value.</summary>
internal static class RunFigures
{
    /// <summary>Checks the figures against the customers and returns the names in a fixed (ordinal) order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyDictionary<string, IReadOnlyList<double>>? figures, int customers)
    {
        if (figures is null) return [];
        foreach (var (name, values) in figures)
        {
            if (values.Count != customers) throw new ArgumentException($"figure '{name}' needs one value per customer", nameof(figures));
            if (name.Contains(';') || name.Contains('|')) throw new ArgumentException($"figure name '{name}' may not hold ';' or '|'", nameof(figures));
        }
        return [.. figures.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The column value of customer <paramref name="row"/>.</summary>
    public static string Format(IReadOnlyDictionary<string, IReadOnlyList<double>>? figures, IReadOnlyList<string> names, int row, StringBuilder buffer)
    {
        if (names.Count == 0) return "";
        buffer.Clear();
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0) buffer.Append(';');
            double v = figures![names[i]][row];
            if (double.IsFinite(v)) buffer.Append(v.ToString("R", CultureInfo.InvariantCulture));
        }
        return buffer.ToString();
    }

    public static IReadOnlyList<double> Parse(string text)
    {
        if (text.Length == 0) return [];
        string[] parts = text.Split(';');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            values[i] = parts[i].Length == 0 ? double.NaN : double.Parse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        return values;
    }
}
