using Allot.Core.Customers;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Customers;

public sealed class DuplicateFinderTests
{
    [Fact]
    public void Find_SamePhoneInDifferentForms_Paired()
    {
        var pairs = DuplicateFinder.Find([Customer("A", phone: "+86 138-0013-8000"), Customer("B", phone: "13800138000"), Customer("C", phone: "13900000000")]);
        var pair = Assert.Single(pairs);
        Assert.Equal(("A", "B", "phone", "13800138000"), (pair.FirstKey, pair.SecondKey, pair.Reason, pair.Detail));
    }

    [Fact]
    public void Find_EmailCaseInsensitive_Paired()
    {
        var pairs = DuplicateFinder.Find([Customer("B", email: "Li.Wei@Example.com "), Customer("A", email: "li.wei@example.com")]);
        Assert.Equal(("A", "B", "email"), (pairs[0].FirstKey, pairs[0].SecondKey, pairs[0].Reason));
    }

    [Fact]
    public void Find_CompanyNameVariantsInSameCity_Paired()
    {
        var pairs = DuplicateFinder.Find(
        [
            Customer("K1", "上海华力贸易有限公司", "上海"),
            Customer("K2", "上海华力贸易 有限公司", "上海"),
            Customer("K3", "上海华力贸易公司", "上海"),
            Customer("K4", "上海华力贸易有限公司", "北京"),
        ]);
        Assert.Contains(pairs, p => (p.FirstKey, p.SecondKey, p.Reason) == ("K1", "K2", "name"));
        Assert.Contains(pairs, p => (p.FirstKey, p.SecondKey) == ("K1", "K3"));
        Assert.DoesNotContain(pairs, p => p.SecondKey == "K4" || p.FirstKey == "K4");
    }

    [Fact]
    public void Find_OneCharacterLeftOut_PairedTwoNot()
    {
        var pairs = DuplicateFinder.Find(
        [
            Customer("A", "Acme Industrial Supply", "Austin"),
            Customer("B", "Acme Industrial Suply", "Austin"),
            Customer("C", "Acme Industral Suply", "Austin"),
        ]);
        Assert.Contains(pairs, p => (p.FirstKey, p.SecondKey) == ("A", "B"));
        Assert.Contains(pairs, p => (p.FirstKey, p.SecondKey) == ("B", "C"));
        Assert.DoesNotContain(pairs, p => (p.FirstKey, p.SecondKey) == ("A", "C"));
    }

    [Fact]
    public void Find_OneCharacterSubstituted_NotPaired()
    {
        Assert.Empty(DuplicateFinder.Find([Customer("A", "上海汇恒数码店", "上海"), Customer("B", "上海东恒数码店", "上海")]));
    }

    [Theory]
    [InlineData("Acme Trading Co., Ltd.", "acmetrading")]
    [InlineData("Acme Trading Inc", "acmetrading")]
    [InlineData("Zinc", "zinc")]
    [InlineData("上海华力贸易有限公司", "上海华力贸易")]
    public void FoldName_LegalForms_Stripped(string name, string folded) => Assert.Equal(folded, DuplicateFinder.FoldName(name));

    [Fact]
    public void Find_LargeGroupInAnyOrder_SamePairs()
    {
        var book = Enumerable.Range(0, DuplicateFinder.MaxGroup + 10).Select(i => Customer($"K{i:D3}", "Same Name Trading", "X")).ToList();
        var forward = DuplicateFinder.Find(book);
        Assert.Equal(forward, DuplicateFinder.Find(Enumerable.Reverse(book)));
        Assert.All(forward, p => Assert.Equal("K000", p.FirstKey));
    }

    [Fact]
    public void Find_SameInputTwice_SameOrder()
    {
        Customer[] book = [Customer("Z", "Foo Ltd", "X", "12345678"), Customer("Y", "Foo", "X", "12345678"), Customer("X", "Fooo", "X")];
        Assert.Equal(DuplicateFinder.Find(book), DuplicateFinder.Find(book.Reverse()));
    }

    [Theory]
    [InlineData("0086 138 0013 8000", "13800138000")]
    [InlineData("(021) 5555-1234", "02155551234")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("+86 21 5555 1234", "02155551234")]
    [InlineData("123", null)]
    public void NormalizePhone_Forms_Digits(string input, string? expected) =>
        Assert.Equal(expected, DuplicateFinder.NormalizePhone(input));
}
