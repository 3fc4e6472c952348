using Allot.Core.Customers;
using Allot.Core.Pool;
using static Allot.Core.Tests.Builders;

namespace Allot.Core.Tests.Pool;

public sealed class ContactRedactionTests
{
    private static readonly Customer Full = new()
    {
        Key = "C1", Name = "上海华力贸易有限公司", Region = "East", Phone = "+86 138-0013-8000", Email = "zhang.wei@example.com",
        Contacts = [new Contact("张伟", "采购", "13900001111", "zw@example.com")], Status = CustomerStatus.Active, OwnerRepKey = "R1",
    };

    [Fact]
    public void Redact_OwnerSeesEverything_OtherRepSeesMasks()
    {
        var rules = Simple();
        Assert.Same(Full, ContactRedaction.Redact(Full, Viewer.Rep("R1"), rules));
        var other = ContactRedaction.Redact(Full, Viewer.Rep("R2"), rules);
        Assert.Equal("+86 138-****-**00", other.Phone);
        Assert.Equal("z***@example.com", other.Email);
        Assert.Equal(new Contact("张*", "采购", "139******11", "z***@example.com"), Assert.Single(other.Contacts));
        Assert.Equal(Full.Name, other.Name);
    }

    [Fact]
    public void Redact_PoolCustomer_HiddenFromEveryRepUntilClaimed()
    {
        var pooled = Full with { Status = CustomerStatus.Pool, OwnerRepKey = null };
        Assert.False(ContactRedaction.MaySee(pooled, Viewer.Rep("R1"), Simple()));
        Assert.NotEqual(pooled.Phone, ContactRedaction.Redact(pooled, Viewer.Rep("R1"), Simple()).Phone);
    }

    [Fact]
    public void Redact_ManagersSeeTheirPools_AdministratorEverything()
    {
        var rules = Rules("""{ "managers": ["boss"], "pools": [ { "name": "e", "regions": ["East"], "managers": ["lead"] }, { "name": "w", "managers": ["west"] } ] }""");
        var pooled = Full with { Status = CustomerStatus.Pool, OwnerRepKey = null };
        Assert.True(ContactRedaction.MaySee(pooled, Viewer.Manager("lead"), rules));
        Assert.True(ContactRedaction.MaySee(pooled, Viewer.Manager("boss"), rules));
        Assert.False(ContactRedaction.MaySee(pooled, Viewer.Manager("west"), rules));
        Assert.True(ContactRedaction.MaySee(pooled, Viewer.Administrator, rules));
    }

    [Theory]
    [InlineData("13800138000", "138******00")]
    [InlineData("021-6123 4567", "021-**** **67")]
    [InlineData("12345", "****5")]
    [InlineData("0086 13800138000", "0086 138******00")]
    [InlineData("", "")]
    public void MaskPhone_KeepsFirstThreeAndLastTwoDigits(string phone, string masked) => Assert.Equal(masked, ContactRedaction.MaskPhone(phone));
}
