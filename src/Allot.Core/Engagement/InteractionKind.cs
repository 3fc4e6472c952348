namespace Allot.Core.Engagement;

/// <summary>How a rep got in touch with a customer.</summary>
public enum InteractionKind
{
    /// <summary>An on-site visit (拜访).</summary>
    Visit,

    /// <summary>A phone call (电话).</summary>
    Call,

    /// <summary>A chat or text message (消息, e.g. WeChat).</summary>
    Message,

    /// <summary>An email (邮件).</summary>
    Email,

    /// <summary>A meeting (会议).</summary>
    Meeting,
}
