namespace Allot.Core.FollowUps;

/// <summary>One rep's workload: what is overdue and what falls due each week.</summary>
/// <param name="RepKey">The rep.</param>
/// <param name="Overdue">Follow-ups due before today and not yet done.</param>
/// <param name="Weeks">Tasks due from today on, per week, from this week's Monday.</param>
public sealed record RepWorkload(string RepKey, int Overdue, IReadOnlyList<WeekLoad> Weeks)
{
    /// <summary>Every task counted: overdue ones and those of each week.</summary>
    public int Total => Overdue + Weeks.Sum(w => w.FollowUps + w.Care);
}
