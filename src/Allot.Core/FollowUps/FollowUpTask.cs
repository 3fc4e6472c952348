using System.Globalization;

namespace Allot.Core.FollowUps;

/// <summary>One task in a rep's plan: a follow-up or a care date, with its due date and why.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="CustomerName">The customer's name (for calendars and digests).</param>
/// <param name="RepKey">The rep who is to do it (the owner).</param>
/// <param name="Kind">Why it is planned.</param>
/// <param name="Due">The day it is due; before today means overdue.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="EventDate">For care: the birthday, anniversary or holiday it is for.</param>
/// <param name="MessageZh">For care: the suggested message in Chinese.</param>
/// <param name="MessageEn">For care: the suggested message in English.</param>
public sealed record FollowUpTask(
    string CustomerKey,
    string CustomerName,
    string RepKey,
    FollowUpKind Kind,
    DateOnly Due,
    string Reason,
    DateOnly? EventDate = null,
    string? MessageZh = null,
    string? MessageEn = null)
{
    /// <summary>A stable identifier: the same customer, kind and due date give the same id on every plan, so a
    /// calendar that imports the plan again updates its events instead of duplicating them.</summary>
    public string Uid => string.Create(CultureInfo.InvariantCulture,
        $"{FollowUpKinds.Name(Kind)}-{CustomerKey}-{Due:yyyyMMdd}@allot");

    /// <summary>True when the task is due before <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Due < today;
}
