namespace Allot.Core.FollowUps;

/// <summary>A rep's tasks due in one week.</summary>
/// <param name="WeekStart">The Monday the week starts on.</param>
/// <param name="FollowUps">Follow-ups (cadence, new customer, churn) due that week.</param>
/// <param name="Care">Care tasks due that week.</param>
public sealed record WeekLoad(DateOnly WeekStart, int FollowUps, int Care);
