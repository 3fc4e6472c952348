using Allot.Core.Importing;

namespace Allot.Import.Mapping;

/// <summary>The fields each kind of file may have, with their English and Chinese header aliases.</summary>
public static class Layouts
{
    private static readonly string[] CustomerKeyAliases =
        ["客户编号", "客户ID", "客户代码", "客户号", "customer", "customer key", "customer no", "customer number", "CustomerID", "cust_id", "client id"];

    /// <summary>Customers.</summary>
    public static IReadOnlyList<FieldSpec> Customers { get; } =
    [
        new("customer_id", FieldType.Text, true, [.. CustomerKeyAliases, "id", "key"]),
        new("name", FieldType.Text, false, "客户名称", "名称", "公司名称", "客户名", "customer name", "company", "company name"),
        new("type", FieldType.Text, false, "客户类型", "类型", "segment", "customer type", "客户分类"),
        new("industry", FieldType.Text, false, "行业", "所属行业"),
        new("region", FieldType.Text, false, "地区", "区域", "大区", "所属地区", "省份", "province", "area"),
        new("city", FieldType.Text, false, "城市", "所在城市"),
        new("address", FieldType.Text, false, "地址", "详细地址", "联系地址"),
        new("created_date", FieldType.Date, false, "创建日期", "首次接触日期", "建档日期", "created", "created at", "first contact", "since"),
        new("birthday", FieldType.Date, false, "生日", "出生日期", "birth date", "date of birth"),
        new("phone", FieldType.Text, false, "电话", "手机", "手机号", "联系电话", "mobile", "tel", "telephone"),
        new("email", FieldType.Text, false, "邮箱", "电子邮件", "电子邮箱", "e-mail", "mail"),
        new("contact_name", FieldType.Text, false, "联系人", "联系人姓名", "contact", "contact person"),
        new("contact_role", FieldType.Text, false, "联系人角色", "职务", "联系人职务", "role", "title"),
        new("channel", FieldType.Text, false, "渠道", "销售渠道", "经销商", "distributor"),
        new("tags", FieldType.List, false, "标签", "tag"),
        new("key_account", FieldType.Boolean, false, "重点客户", "大客户", "key account", "vip", "ka"),
        new("owner_rep_id", FieldType.Text, false, "销售代表", "负责人", "归属销售", "跟进人", "所属销售", "owner", "owner rep", "rep", "rep id", "rep_id", "sales rep", "salesperson"),
        new("owner_since", FieldType.Date, false, "归属日期", "分配日期", "owner since", "assigned"),
        new("status", FieldType.Text, false, "状态", "客户状态", "customer status"),
    ];

    /// <summary>Sales reps.</summary>
    public static IReadOnlyList<FieldSpec> Reps { get; } =
    [
        new("rep_id", FieldType.Text, true, "销售代表编号", "员工编号", "工号", "销售编号", "rep", "rep key", "employee id", "id", "key"),
        new("name", FieldType.Text, false, "姓名", "名称", "rep name", "employee"),
        new("team", FieldType.Text, false, "团队", "部门", "销售团队", "department"),
        new("regions", FieldType.List, false, "负责地区", "地区", "区域", "负责区域", "region", "territory", "territories"),
        new("industries", FieldType.List, false, "行业", "擅长行业", "负责行业", "industry", "expertise"),
        new("level", FieldType.Text, false, "级别", "职级", "等级", "seniority"),
        new("capacity", FieldType.Integer, false, "容量", "客户上限", "库容", "保有量", "max accounts"),
        new("product_skill", FieldType.Integer, false, "产品知识", "product knowledge"),
        new("selling_skill", FieldType.Integer, false, "销售能力", "selling", "sales skill"),
        new("relationship_skill", FieldType.Integer, false, "关系建立", "客户关系", "relationship", "relationship building"),
        new("active", FieldType.Boolean, false, "在职", "是否在职", "启用", "enabled"),
        new("start_date", FieldType.Date, false, "入职日期", "hire date", "hired"),
    ];

    /// <summary>Orders.</summary>
    public static IReadOnlyList<FieldSpec> Orders { get; } =
    [
        new("order_id", FieldType.Text, true, "订单编号", "订单号", "单号", "order", "order no", "order number", "invoice no", "InvoiceNo", "id"),
        new("customer_id", FieldType.Text, true, CustomerKeyAliases),
        new("order_date", FieldType.Date, true, "订单日期", "下单日期", "日期", "成交日期", "date", "invoice date", "InvoiceDate"),
        new("amount", FieldType.Number, true, "金额", "订单金额", "销售额", "实收金额", "成交金额", "sales", "total", "total price", "TotalPrice", "revenue", "value"),
        new("profit", FieldType.Number, false, "利润", "毛利", "毛利润", "gross profit", "margin"),
        new("cost", FieldType.Number, false, "成本", "cogs"),
        new("category", FieldType.Text, false, "品类", "类别", "产品类别", "商品类别", "product category"),
        new("channel", FieldType.Text, false, "渠道", "销售渠道"),
        new("quantity", FieldType.Number, false, "数量", "qty", "units"),
    ];

    /// <summary>Invoices. Without a due date, an invoice is due 30 days after issue.</summary>
    public static IReadOnlyList<FieldSpec> Invoices { get; } =
    [
        new("invoice_id", FieldType.Text, true, "发票号", "发票编号", "单据号", "invoice", "invoice no", "invoice number", "id"),
        new("customer_id", FieldType.Text, true, CustomerKeyAliases),
        new("issue_date", FieldType.Date, true, "开票日期", "发票日期", "日期", "invoice date", "date", "issued"),
        new("due_date", FieldType.Date, false, "到期日", "到期日期", "应收日期", "付款期限", "due", "due on"),
        new("amount", FieldType.Number, true, "金额", "发票金额", "应收金额", "total", "invoice amount"),
    ];

    /// <summary>Payments.</summary>
    public static IReadOnlyList<FieldSpec> Payments { get; } =
    [
        new("payment_id", FieldType.Text, false, "收款编号", "回款编号", "付款编号", "payment", "payment no", "id"),
        new("invoice_id", FieldType.Text, true, "发票号", "发票编号", "单据号", "invoice", "invoice no"),
        new("payment_date", FieldType.Date, true, "收款日期", "回款日期", "付款日期", "到账日期", "日期", "date", "paid", "paid on"),
        new("amount", FieldType.Number, true, "金额", "收款金额", "回款金额", "付款金额", "paid amount"),
    ];

    /// <summary>Follow-up records.</summary>
    public static IReadOnlyList<FieldSpec> Interactions { get; } =
    [
        new("interaction_id", FieldType.Text, false, "跟进编号", "记录编号", "id"),
        new("customer_id", FieldType.Text, true, CustomerKeyAliases),
        new("rep_id", FieldType.Text, false, "销售代表", "跟进人", "负责人", "rep", "owner", "sales rep"),
        new("date", FieldType.Date, true, "跟进日期", "日期", "跟进时间", "interaction date", "contact date"),
        new("kind", FieldType.Text, true, "跟进方式", "方式", "类型", "type", "channel"),
        new("outcome", FieldType.Text, false, "结果", "跟进结果", "result"),
        new("note", FieldType.Text, false, "备注", "内容", "跟进内容", "notes", "comment"),
    ];

    /// <summary>Customer feedback (a row needs satisfaction or NPS).</summary>
    public static IReadOnlyList<FieldSpec> Feedback { get; } =
    [
        new("feedback_id", FieldType.Text, false, "反馈编号", "id"),
        new("customer_id", FieldType.Text, true, CustomerKeyAliases),
        new("date", FieldType.Date, true, "日期", "反馈日期", "feedback date"),
        new("satisfaction", FieldType.Integer, false, "满意度", "csat", "score"),
        new("nps", FieldType.Integer, false, "推荐度", "净推荐值", "nps score", "recommend"),
        new("comment", FieldType.Text, false, "评价", "意见", "备注", "comments", "remark"),
    ];

    /// <summary>The layout of a kind.</summary>
    public static IReadOnlyList<FieldSpec> For(EntityKind kind) => kind switch
    {
        EntityKind.Customers => Customers,
        EntityKind.Reps => Reps,
        EntityKind.Orders => Orders,
        EntityKind.Invoices => Invoices,
        EntityKind.Payments => Payments,
        EntityKind.Interactions => Interactions,
        EntityKind.Feedback => Feedback,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
