using Allot.Core.Indicators;

namespace Allot.Tests.Shared;

/// <summary>Comparing indicator tables exactly.</summary>
internal static class IndicatorTables
{
    /// <summary>Asserts two tables hold the same rows, names and every value bit for bit (NaN equal to NaN).</summary>
    public static void AssertSame(IndicatorTable expected, IndicatorTable actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.CustomerKeys, actual.CustomerKeys);
        Assert.Equal(expected.NumberNames, actual.NumberNames);
        Assert.Equal(expected.TextNames, actual.TextNames);
        foreach (string name in expected.NumberNames)
        {
            var e = expected.Number(name);
            var a = actual.Number(name);
            for (int i = 0; i < e.Length; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(e[i]) == BitConverter.DoubleToInt64Bits(a[i]) || (double.IsNaN(e[i]) && double.IsNaN(a[i])),
                    $"{name} of {expected.CustomerKeys[i]}: {e[i]:R} expected, {a[i]:R} found");
        }
        foreach (string name in expected.TextNames) Assert.Equal(expected.Text(name), actual.Text(name));
    }
}
