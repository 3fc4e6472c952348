using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification.Schemes;

/// <summary>A hand-made table with every catalog indicator, deterministic values, for scheme tests.</summary>
internal static class SchemeTables
{
    public static IndicatorTable Standard(int n = 40)
    {
        var keys = Enumerable.Range(0, n).Select(i => $"c{i:00}").ToArray();
        var numbers = new Dictionary<string, double[]>();
        int salt = 0;
        foreach (var d in IndicatorCatalog.All.Where(d => !d.IsText))
        {
            int s = ++salt;
            numbers[d.Name] = Enumerable.Range(0, n).Select(i => (double)((i * 37 + s * 11) % 97 + 1)).ToArray();
        }
        // Meaningful columns the tests assert on.
        numbers["overdue_amount"] = Enumerable.Range(0, n).Select(i => i % 4 == 0 ? 12_500.0 : 0).ToArray();
        numbers["key_account"] = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 1.0 : 0).ToArray();
        numbers["growth_365"] = Enumerable.Range(0, n).Select(i => (i % 5 - 2) * 0.15).ToArray();
        numbers["recency_days"] = Enumerable.Range(0, n).Select(i => i * 10.0).ToArray();
        numbers["tenure_days"] = Enumerable.Range(0, n).Select(i => 60 + i * 20.0).ToArray();
        var texts = IndicatorCatalog.All.Where(d => d.IsText)
            .ToDictionary(d => d.Name, _ => Enumerable.Range(0, n).Select(i => (string?)(i % 2 == 0 ? "north" : "south")).ToArray());
        return IndicatorTable.Create(new DateOnly(2024, 12, 31), keys, numbers, texts);
    }
}
