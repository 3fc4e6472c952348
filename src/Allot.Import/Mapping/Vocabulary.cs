using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Reps;

namespace Allot.Import.Mapping;

/// <summary>English and Chinese words for enumerated fields.</summary>
public static class Vocabulary
{
    /// <summary>Normalises a customer type: 零售 → retail, 批发 → wholesale, 企业 → enterprise, 经销商 → distributor;
    /// other values are kept as given.</summary>
    public static string CustomerType(string text) => HeaderMap.Normalize(text) switch
    {
        "retail" or "零售" or "个人" or "consumer" => Core.Customers.CustomerType.Retail,
        "wholesale" or "批发" or "批发商" => Core.Customers.CustomerType.Wholesale,
        "enterprise" or "企业" or "corporate" or "公司" => Core.Customers.CustomerType.Enterprise,
        "distributor" or "经销商" or "分销商" or "代理商" => Core.Customers.CustomerType.Distributor,
        _ => text,
    };

    /// <summary>Parses a customer status.</summary>
    public static bool TryStatus(string text, out CustomerStatus status)
    {
        status = HeaderMap.Normalize(text) switch
        {
            "active" or "正常" or "活跃" or "有效" => CustomerStatus.Active,
            "pool" or "公海" or "公海池" => CustomerStatus.Pool,
            "lost" or "流失" or "已流失" => CustomerStatus.Lost,
            _ => (CustomerStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    /// <summary>Parses a rep level.</summary>
    public static bool TryLevel(string text, out RepLevel level)
    {
        level = HeaderMap.Normalize(text) switch
        {
            "junior" or "初级" or "1" => RepLevel.Junior,
            "mid" or "middle" or "intermediate" or "中级" or "2" => RepLevel.Mid,
            "senior" or "高级" or "资深" or "3" => RepLevel.Senior,
            _ => (RepLevel)(-1),
        };
        return Enum.IsDefined(level);
    }

    /// <summary>Parses an interaction kind.</summary>
    public static bool TryInteractionKind(string text, out InteractionKind kind)
    {
        kind = HeaderMap.Normalize(text) switch
        {
            "visit" or "拜访" or "上门" or "上门拜访" => InteractionKind.Visit,
            "call" or "phone" or "电话" or "致电" => InteractionKind.Call,
            "message" or "chat" or "sms" or "wechat" or "消息" or "微信" or "短信" => InteractionKind.Message,
            "email" or "mail" or "邮件" => InteractionKind.Email,
            "meeting" or "会议" or "会面" => InteractionKind.Meeting,
            _ => (InteractionKind)(-1),
        };
        return Enum.IsDefined(kind);
    }
}
