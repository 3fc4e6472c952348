using Allot.Core.Care;

namespace Allot.Core.Maintenance;

/// <summary>Customer care (客户关怀): which dates become care tasks, how early, and what to say.</summary>
/// <param name="LeadDays">A care task is due this many days before the date it is for.</param>
/// <param name="Birthdays">Birthdays become care tasks.</param>
/// <param name="Anniversaries">First-order anniversaries become care tasks.</param>
/// <param name="HolidayTiers">Tiers whose customers get holiday care tasks.</param>
/// <param name="HolidayKeyAccounts">Key accounts get holiday care tasks whatever their tier.</param>
/// <param name="Holidays">The holiday calendar.</param>
/// <param name="Birthday">Message for a birthday.</param>
/// <param name="Anniversary">Message for a first-order anniversary.</param>
/// <param name="HolidayMessage">Message for a holiday.</param>
public sealed record CareSettings(
    int LeadDays,
    bool Birthdays,
    bool Anniversaries,
    IReadOnlySet<string> HolidayTiers,
    bool HolidayKeyAccounts,
    IReadOnlyList<Holiday> Holidays,
    CareTemplate Birthday,
    CareTemplate Anniversary,
    CareTemplate HolidayMessage);
