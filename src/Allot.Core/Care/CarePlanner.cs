using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;

namespace Allot.Core.Care;

/// <summary>Turns birthdays, first-order anniversaries and holidays into care tasks (客户关怀) with a suggested message.</summary>
/// <remarks>Only active customers with an owner get care tasks. A task is due <see cref="CareSettings.LeadDays"/>
/// before its date and is planned while the date itself is today or later and the due date falls within the
/// horizon. Birthdays on 29 February fall on 28 February in other years. Holidays go to customers whose tier is in
/// <see cref="CareSettings.HolidayTiers"/> and, when <see cref="CareSettings.HolidayKeyAccounts"/>, to key
/// accounts; a lunar festival in a year its table does not cover is skipped.</remarks>
public static class CarePlanner
{
    /// <summary>Adds the customer's care tasks to <paramref name="into"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="settings">Care settings.</param>
    /// <param name="today">The business day.</param>
    /// <param name="until">Last day of the horizon (for due dates).</param>
    /// <param name="into">Receives the tasks.</param>
    public static void Plan(BookCustomer customer, CareSettings settings, DateOnly today, DateOnly until, ICollection<FollowUpTask> into)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(into);
        if (customer.Status != CustomerStatus.Active || customer.OwnerRepKey is not { } rep) return;
        string name = customer.Name.Length > 0 ? customer.Name : customer.Key;
        var lastDate = until.AddDays(settings.LeadDays);
        for (int year = today.Year; year <= lastDate.Year; year++)
        {
            if (settings.Birthdays && customer.Birthday is { } b && b.Year <= year && InRange(OnYear(b, year)) is { } birthday)
                Add(birthday, FollowUpKind.Birthday, "birthday on " + Iso(birthday), settings.Birthday, null, null);
            if (settings.Anniversaries && customer.FirstOrder is { } f && year > f.Year && InRange(OnYear(f, year)) is { } anniversary)
            {
                int years = year - f.Year;
                Add(anniversary, FollowUpKind.Anniversary,
                    string.Create(CultureInfo.InvariantCulture, $"{years} year(s) since the first order ({Iso(f)}) on {Iso(anniversary)}"),
                    settings.Anniversary, null, years);
            }
            if ((customer.Tier is { } tier && settings.HolidayTiers.Contains(tier)) || (settings.HolidayKeyAccounts && customer.KeyAccount))
            {
                foreach (var holiday in settings.Holidays)
                {
                    if (holiday.On(year) is { } h && InRange(h) is { } date)
                        Add(date, FollowUpKind.Holiday, $"{holiday.Name} ({holiday.EnglishName}) on {Iso(date)}", settings.HolidayMessage, holiday, null);
                }
            }
        }

        // Words are made only for dates in the plan: most candidate dates of most customers fall outside it.
        DateOnly? InRange(DateOnly date) => date >= today && date.AddDays(-settings.LeadDays) <= until ? date : null;

        void Add(DateOnly date, FollowUpKind kind, string reason, CareTemplate template, Holiday? holiday, int? years) =>
            into.Add(new FollowUpTask(customer.Key, name, rep, kind, date.AddDays(-settings.LeadDays), reason, date,
                CareTemplate.Fill(template.Chinese, name, holiday?.Name, years, date),
                CareTemplate.Fill(template.English, name, holiday?.EnglishName, years, date)));
    }

    private static DateOnly OnYear(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));

    private static string Iso(DateOnly d) => IsoDate.Format(d);
}
