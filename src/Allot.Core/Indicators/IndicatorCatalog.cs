namespace Allot.Core.Indicators;

/// <summary>Every indicator, in display order: those <see cref="IndicatorCalculator"/> computes, then the value-model
/// ones (kind <see cref="IndicatorKind.Value"/>, added by <c>Allot.Core.Value.ValueIndicators</c>).</summary>
/// <remarks>Names are a stable contract: saved classification rules and exports refer to them.</remarks>
public static class IndicatorCatalog
{
    private static IndicatorDefinition Num(string name, IndicatorKind kind, string unit, string en, string zh) =>
        new(name, kind, unit, false, en, zh);

    private static IndicatorDefinition Txt(string name, string en, string zh) =>
        new(name, IndicatorKind.Characteristic, "text", true, en, zh);

    private const IndicatorKind T = IndicatorKind.Transaction;
    private const IndicatorKind F = IndicatorKind.Financial;
    private const IndicatorKind E = IndicatorKind.Engagement;
    private const IndicatorKind V = IndicatorKind.Value;

    /// <summary>All indicators, grouped by kind.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        Num("first_order_days", T, "days", "Days from the first order to the as-of date (NaN without orders)", "首次下单距今天数（无订单为空）"),
        Num("recency_days", T, "days", "Days from the last order to the as-of date (NaN without orders)", "最近一次下单距今天数（无订单为空）"),
        Num("tenure_days", T, "days", "Customer tenure: as-of date minus first order date (NaN without orders)", "客户生命周期：截止日减首次下单日（无订单为空）"),
        Num("orders", T, "orders", "Number of orders, all time", "累计订单数"),
        Num("purchase_days", T, "days", "Number of distinct dates with at least one order", "有下单的不同日期数"),
        Num("orders_per_month", T, "orders/month", "Orders per month of tenure (tenure under one month counts as one month)", "按生命周期月数计的月均订单数（不足一个月按一个月计）"),
        Num("amount", T, "money", "Sales amount, all time", "累计销售额"),
        Num("profit", T, "money", "Profit over the orders whose profit is known (NaN when no order has a profit)", "已知利润订单的累计利润（均无利润数据为空）"),
        Num("amount_365", T, "money", "Sales amount in the last 365 days", "近365天销售额"),
        Num("amount_180", T, "money", "Sales amount in the last 180 days", "近180天销售额"),
        Num("amount_90", T, "money", "Sales amount in the last 90 days", "近90天销售额"),
        Num("profit_365", T, "money", "Profit in the last 365 days, over orders whose profit is known", "近365天利润（仅计已知利润的订单）"),
        Num("orders_365", T, "orders", "Number of orders in the last 365 days", "近365天订单数"),
        Num("orders_180", T, "orders", "Number of orders in the last 180 days", "近180天订单数"),
        Num("orders_90", T, "orders", "Number of orders in the last 90 days", "近90天订单数"),
        Num("margin", T, "ratio", "Profit divided by the amount of the orders whose profit is known (NaN when that amount is 0)", "毛利率：利润除以已知利润订单的销售额（该销售额为0时为空）"),
        Num("avg_order_value", T, "money", "Average order amount (NaN without orders)", "平均订单金额（无订单为空）"),
        Num("category_breadth", T, "categories", "Number of distinct product categories ordered", "购买过的不同品类数"),
        Num("growth_365", T, "ratio", "Growth of the last 365 days' amount over the 365 days before (NaN when that was 0)", "近365天销售额较前365天的增长率（前期为0时为空）"),
        Num("amount_prev_365", T, "money", "Sales amount in the 365 days before the last 365 days", "前一个365天（366–730天前）的销售额"),
        Num("repurchase_rate", T, "ratio", "Share of purchase days after the first that come within 90 days of the previous purchase day (NaN with fewer than two)", "复购率：首个购买日之后的购买日中，距上一购买日不超过90天的比例（少于两个购买日为空）"),

        Num("collection_days", F, "days", "Amount-weighted mean days from invoice issue to payment (NaN without payments)", "按金额加权的平均回款天数（开票到付款；无付款为空）"),
        Num("open_receivables", F, "money", "Unpaid amount of invoices issued so far", "应收余额：已开票未回款金额"),
        Num("overdue_amount", F, "money", "Unpaid amount of invoices past their due date", "逾期应收金额"),
        Num("overdue_days", F, "days", "Most days past due among unpaid invoices (0 when none is overdue)", "未回款发票的最大逾期天数（无逾期为0）"),
        Num("late_paid_share", F, "ratio", "Share of the paid amount that was paid after the due date (NaN without payments)", "逾期付款金额占已付款金额的比例（无付款为空）"),

        Num("days_since_interaction", E, "days", "Days since the last follow-up (NaN without any)", "距最近一次跟进的天数（无跟进为空）"),
        Num("interactions_365", E, "interactions", "Follow-ups in the last 365 days", "近365天跟进次数"),
        Num("interactions_90", E, "interactions", "Follow-ups in the last 90 days", "近90天跟进次数"),
        Num("satisfaction_latest", E, "score 1-5", "Latest satisfaction score (NaN without any)", "最近一次满意度评分（无评分为空）"),
        Num("satisfaction_avg", E, "score 1-5", "Mean satisfaction score (NaN without any)", "平均满意度评分（无评分为空）"),
        Num("nps_latest", E, "score 0-10", "Latest likelihood-to-recommend answer (NaN without any)", "最近一次推荐意愿（NPS）评分（无评分为空）"),

        Txt("type", "Customer type (retail, wholesale, enterprise, distributor…)", "客户类型（零售、批发、企业、经销商等）"),
        Txt("industry", "Industry", "行业"),
        Txt("region", "Region", "地区"),
        Txt("city", "City", "城市"),
        Txt("channel", "\"direct\" or the key of the serving distributor", "渠道：直销或服务该客户的经销商编号"),
        Txt("owner", "Key of the owning rep", "负责销售代表编号"),
        Num("key_account", IndicatorKind.Characteristic, "flag", "1 for a key account, 0 otherwise (NaN for customers known only from activity)", "是否重点客户：是为1，否为0（仅出现在业务数据中的客户为空）"),

        Num("p_alive", V, "probability", "Probability the customer is still active (BG/NBD; NaN without orders)", "客户仍然活跃的概率（BG/NBD模型；无订单为空）"),
        Num("exp_purchases_90d", V, "purchases", "Expected purchase days in the next 90 days (BG/NBD)", "未来90天的预期购买次数（BG/NBD模型）"),
        Num("exp_spend", V, "money", "Expected spend per purchase (Gamma-Gamma; the customer's own mean when it cannot be fitted)", "预期每次购买金额（Gamma-Gamma模型；无法拟合时用客户自身均值）"),
        Num("clv_12m", V, "money", "Customer lifetime value over 12 months, discounted 1 % a month (expected purchases × expected spend)", "未来12个月的客户终身价值，按每月1%折现（预期购买次数×预期金额）"),
    ];

    /// <summary>What the named indicators need from the orders beyond sums: distinct purchase dates for
    /// <c>purchase_days</c> and <c>repurchase_rate</c>, distinct categories for <c>category_breadth</c>.</summary>
    public static OrderDetail OrderDetailFor(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var detail = OrderDetail.None;
        foreach (string name in names)
        {
            if (name is "purchase_days" or "repurchase_rate") detail |= OrderDetail.PurchaseDays;
            else if (name is "category_breadth") detail |= OrderDetail.Categories;
        }
        return detail;
    }

    /// <summary>The definition of an indicator by name, or null.</summary>
    public static IndicatorDefinition? Find(string name)
    {
        foreach (var d in All)
            if (string.Equals(d.Name, name, StringComparison.Ordinal)) return d;
        return null;
    }
}
