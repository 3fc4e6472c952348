using System.Text.RegularExpressions;
using Allot.Core.Indicators;

namespace Allot.Core.Tests.Indicators;

public sealed class IndicatorCatalogTests
{
    [Fact]
    public void All_Names_UniqueSnakeCase()
    {
        var names = IndicatorCatalog.All.Select(d => d.Name).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches(new Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"), n));
    }

    [Fact]
    public void All_Descriptions_EnglishAndChinese()
    {
        Assert.All(IndicatorCatalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.DescriptionEn), d.Name);
            Assert.Contains(d.DescriptionZh, ch => ch >= '\u4e00' && ch <= '\u9fff');
            Assert.False(string.IsNullOrWhiteSpace(d.Unit), d.Name);
        });
    }

    [Fact]
    public void All_TextColumns_AreCharacteristics()
    {
        Assert.All(IndicatorCatalog.All.Where(d => d.IsText), d => Assert.Equal(IndicatorKind.Characteristic, d.Kind));
        Assert.Equal(["channel", "city", "industry", "owner", "region", "type"],
            IndicatorCatalog.All.Where(d => d.IsText).Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_KnownAndUnknown_DefinitionOrNull()
    {
        Assert.Equal(IndicatorKind.Financial, IndicatorCatalog.Find("overdue_amount")?.Kind);
        Assert.Null(IndicatorCatalog.Find("Overdue_Amount"));
    }
}
