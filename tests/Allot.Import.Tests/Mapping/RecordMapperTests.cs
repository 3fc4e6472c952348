using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Import.Mapping;
using Allot.Import.Reading;

namespace Allot.Import.Tests.Mapping;

public sealed class RecordMapperTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static (object? Record, RowReject? Reject) Map(EntityKind kind, string[] headers, params string[] fields)
    {
        var map = HeaderMap.Resolve(Layouts.For(kind), headers, null, "f.csv");
        var mapper = new RecordMapper(kind, map, "f.csv", Today);
        mapper.TryMap(new TableRow(7, fields), out var record, out var reject);
        return (record, reject);
    }

    [Fact]
    public void Order_ProfitFromCost_WhenNoProfitColumn()
    {
        var (record, _) = Map(EntityKind.Orders, ["order_id", "customer_id", "order_date", "amount", "cost"], "O1", "C1", "2024-02-29", "¥1,200.00", "800");
        var order = Assert.IsType<Order>(record);
        Assert.Equal((new DateOnly(2024, 2, 29), 1200m, 400m), (order.Date, order.Amount, order.Profit));
    }

    [Fact]
    public void Order_NegativeAmount_RejectedNamingColumn()
    {
        var (_, reject) = Map(EntityKind.Orders, ["order_id", "customer_id", "order_date", "金额"], "O1", "C1", "2024-01-01", "(5.00)");
        Assert.Equal((7L, "金额", "(5.00)"), (reject!.Line, reject.Column, reject.Value));
        Assert.Contains("≥ 0", reject.Reason);
    }

    [Fact]
    public void Customer_ChineseVocabulary_Normalised()
    {
        var (record, _) = Map(EntityKind.Customers, ["客户编号", "客户名称", "客户类型", "重点客户", "状态", "标签", "联系人", "职务", "电话"],
            "K1", "华力贸易", "经销商", "是", "公海", "钢材；长期", "王经理", "采购", "13800138000");
        var c = Assert.IsType<Customer>(record);
        Assert.Equal((CustomerType.Distributor, true, CustomerStatus.Pool), (c.Type, c.KeyAccount, c.Status));
        Assert.Equal(["钢材", "长期"], c.Tags);
        Assert.Equal(new Contact("王经理", "采购", "13800138000", null), Assert.Single(c.Contacts));
    }

    [Fact]
    public void Rep_SkillOutOfRange_Rejected()
    {
        var (_, reject) = Map(EntityKind.Reps, ["rep_id", "level", "selling_skill"], "R1", "senior", "120");
        Assert.Contains("from 0 to 100", reject!.Reason);
        var (record, _) = Map(EntityKind.Reps, ["rep_id", "level", "regions"], "R1", "高级", "East;West");
        var rep = Assert.IsType<Rep>(record);
        Assert.Equal((RepLevel.Senior, 2), (rep.Level, rep.Regions.Count));
    }

    [Fact]
    public void Interaction_WithoutKey_DerivedKeysDistinctForIdenticalRows()
    {
        var map = HeaderMap.Resolve(Layouts.Interactions, ["customer_id", "date", "kind"], null, "f.csv");
        var mapper = new RecordMapper(EntityKind.Interactions, map, "f.csv", Today);
        mapper.TryMap(new TableRow(2, ["C1", "2025-01-02", "电话"]), out var a, out _);
        mapper.TryMap(new TableRow(3, ["C1", "2025-01-02", "call"]), out var b, out _);
        var (x, y) = (Assert.IsType<Interaction>(a), Assert.IsType<Interaction>(b));
        Assert.Equal(InteractionKind.Call, x.Kind);
        Assert.NotEqual(x.Key, y.Key);
    }

    [Fact]
    public void Feedback_NeitherScore_Rejected()
    {
        var (_, reject) = Map(EntityKind.Feedback, ["customer_id", "date", "satisfaction", "nps"], "C1", "2025-01-02", "", "");
        Assert.Contains("satisfaction", reject!.Reason);
    }

    [Fact]
    public void Invoice_DueBeforeIssue_Rejected()
    {
        var (_, reject) = Map(EntityKind.Invoices, ["invoice_id", "customer_id", "issue_date", "due_date", "amount"], "I1", "C1", "2025-03-01", "2025-02-01", "10");
        Assert.Equal("due_date", reject!.Column);
    }

    [Fact]
    public void Row_FutureDate_RejectedWithToday()
    {
        var (_, reject) = Map(EntityKind.Orders, ["order_id", "customer_id", "order_date", "amount"], "O1", "C1", "2025-07-01", "1");
        Assert.Contains("2025-06-30", reject!.Reason);
    }
}
