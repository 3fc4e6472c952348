using System.Text;
using Allot.Import.Importing.Fast;

namespace Allot.Import.Tests.Importing;

/// <summary>The byte-key table's ids in key order, against a plain ordinal sort of the same keys.</summary>
public sealed class ByteKeyTableTests
{
    [Theory]
    [InlineData("random", 5000)]
    [InlineData("two sorted runs", 5000)]
    [InlineData("sorted", 5000)]
    [InlineData("descending", 257)]
    [InlineData("one key", 1)]
    [InlineData("none", 0)]
    public void IdsInKeyOrder_EqualsOrdinalSort(string shape, int count)
    {
        var rng = new Random(11);
        var keys = Enumerable.Range(0, count).Select(i => "C" + rng.Next(0, 1_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "-" + i).ToList();
        switch (shape)
        {
            case "two sorted runs":
                keys = [.. keys.Take(count / 2).Order(StringComparer.Ordinal), .. keys.Skip(count / 2).Order(StringComparer.Ordinal)];
                break;
            case "sorted":
                keys.Sort(StringComparer.Ordinal);
                break;
            case "descending":
                keys = [.. keys.OrderDescending(StringComparer.Ordinal)];
                break;
        }
        var table = new ByteKeyTable();
        foreach (string key in keys) table.GetOrAdd(Encoding.UTF8.GetBytes(key));

        var ordered = table.IdsInKeyOrder().Select(id => Encoding.UTF8.GetString(table.KeyOf(id))).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), ordered);
    }
}
