using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification;

/// <summary>Hand-made indicator tables for classifier tests.</summary>
internal static class Tables
{
    public static readonly DateOnly AsOf = new(2024, 12, 31);

    /// <summary>One numeric column "x" over the given keys.</summary>
    public static IndicatorTable One(string[] keys, double[] values) =>
        IndicatorTable.Create(AsOf, keys, new Dictionary<string, double[]> { ["x"] = values });

    /// <summary>Several columns over keys k00, k01, …</summary>
    public static IndicatorTable Columns(params (string Name, double[] Values)[] columns)
    {
        int n = columns[0].Values.Length;
        var keys = Enumerable.Range(0, n).Select(i => $"k{i:00}").ToArray();
        return IndicatorTable.Create(AsOf, keys, columns.ToDictionary(c => c.Name, c => c.Values));
    }

    /// <summary>Keys k000… with random values (fixed seed), some NaN when asked.</summary>
    public static IndicatorTable Random(int seed, int n, string[] names, double nanRate = 0, bool allowNegative = false)
    {
        var rng = new Random(seed);
        var keys = Enumerable.Range(0, n).Select(i => $"k{i:000}").ToArray();
        var columns = names.ToDictionary(name => name, _ => Enumerable.Range(0, n).Select(_ =>
            rng.NextDouble() < nanRate ? double.NaN
            : Math.Round(rng.NextDouble() * 100 - (allowNegative ? 20 : 0), rng.Next(2) == 0 ? 0 : 2)).ToArray());
        return IndicatorTable.Create(AsOf, keys, columns);
    }

    public static string[] ClassesOf(Core.Classification.ClassifierResult result) => result.Assignments.Select(a => a.Class).ToArray();
}
