using Allot.Core.Customers;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Customers;

public sealed class CustomerCheckTests
{
    private static readonly Customer[] Book =
    [
        Customer("K1", "上海华力贸易有限公司", "上海", "13800138000", "hl@example.com") with { OwnerRepKey = "R1" },
        Customer("K2", "北京东方文具店", "北京", "13900000002") with { Status = CustomerStatus.Pool },
        Customer("K3", "Acme Trading Co., Ltd.", "Shenzhen", email: "buy@acme.com") with { OwnerRepKey = "R2" },
        Customer("K4", "广州一号商行", "广州") with { Status = CustomerStatus.Lost },
        Customer("K5", "杭州无主公司", "杭州"),
    ];

    [Fact]
    public void Check_EachWayOfExisting_ToldApart()
    {
        var results = CustomerCheck.Check(Book,
        [
            Customer("K1", "whatever"),
            Customer("N1", "新客户", "上海", "+86 138 0013 8000"),
            Customer("N2", "Someone", email: "BUY@acme.com"),
            Customer("N3", "北京东方文具", "北京"),
            Customer("N4", "北京东方文具店", "天津"),
            Customer("N5", "广州一号商行", "广州"),
            Customer("N6", "杭州无主公司", "杭州"),
        ], asRep: "R1");
        Assert.Equal(
            [
                ("K1", CheckVerdict.OwnedByYou, "K1", "key"),
                ("N1", CheckVerdict.OwnedByYou, "K1", "phone"),
                ("N2", CheckVerdict.OwnedByAnother, "K3", "email"),
                ("N3", CheckVerdict.InPool, "K2", "name"),
                ("N4", CheckVerdict.New, null, null),
                ("N5", CheckVerdict.Lost, "K4", "name"),
                ("N6", CheckVerdict.Unowned, "K5", "name"),
            ],
            results.Select(r => (r.Key, r.Verdict, r.MatchKey, r.Match)).ToList());
        Assert.Equal("probably K3 \"Acme Trading Co., Ltd.\" (same email), belongs to rep R2", results[2].Message);
        Assert.Equal("probably K2 \"北京东方文具店\" (same name), in the pool: claim it instead of creating it", results[3].Message);
    }

    [Fact]
    public void Check_SeveralMatches_StrongestWins()
    {
        var result = Assert.Single(CustomerCheck.Check(Book, [Customer("N1", "北京东方文具店", "北京", "13800138000")]));
        Assert.Equal(("K1", "phone", CheckVerdict.OwnedByAnother), (result.MatchKey, result.Match, result.Verdict));
    }
}
