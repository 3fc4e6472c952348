using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Core.Reps;

namespace Allot.Core.Tests;

internal static class Builders
{
    public static Customer Customer(string key, string name = "", string? city = null, string? phone = null, string? email = null) =>
        new() { Key = key, Name = name, City = city, Phone = phone, Email = email };

    /// <summary>A date from "yyyy-MM-dd".</summary>
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An active customer owned by <paramref name="rep"/> since <paramref name="since"/>.</summary>
    public static BookCustomer Owned(string key, string rep = "R1", string since = "2026-01-01", string? tier = null, string? lastInteraction = null,
        string? lastOrder = null, string region = "East", bool keyAccount = false, params string[] tags) => new()
    {
        Key = key, Name = "Customer " + key, Region = region, Status = CustomerStatus.Active, OwnerRepKey = rep, OwnerSince = D(since),
        Tier = tier, LastInteraction = lastInteraction is null ? null : D(lastInteraction), LastOrder = lastOrder is null ? null : D(lastOrder),
        KeyAccount = keyAccount, Tags = tags,
    };

    /// <summary>A customer in the pool since <paramref name="since"/>.</summary>
    public static BookCustomer InPool(string key, string since = "2026-01-01", string region = "East", string? tier = null) => new()
    {
        Key = key, Name = "Customer " + key, Region = region, Status = CustomerStatus.Pool, OwnerSince = D(since), Tier = tier,
    };

    public static Rep Rep(string key, RepLevel level = RepLevel.Mid, string? team = null, bool active = true) =>
        new() { Key = key, Name = "Rep " + key, Level = level, Team = team, Active = active };

    /// <summary>Rules from a JSON text.</summary>
    public static MaintenanceRules Rules(string json) => RulesParser.Parse(json, "rules.json");

    /// <summary>The built-in defaults.</summary>
    public static MaintenanceRules DefaultRulesParsed() => RulesParser.Parse(DefaultRules.Text, "defaults");

    /// <summary>Simple rules: one catch-all pool, reclaim after 30 days without follow-up (no order rule), warn 5 days ahead.</summary>
    public static MaintenanceRules Simple(int warn = 5, int perDay = 2, int perMonth = 5, int cooldown = 10, int cap = 3) => Rules($$"""
        {
          "managers": ["boss"],
          "pools": [ { "name": "all", "managers": ["lead"] } ],
          "defaults": {
            "reclaim": { "no_interaction_days": 30, "no_order_days": null, "warn_days": {{warn}} },
            "claim": { "per_day": {{perDay}}, "per_month": {{perMonth}}, "cooldown_days": {{cooldown}}, "cap_by_level": { "junior": {{cap}}, "mid": {{cap}}, "senior": {{cap}} } },
            "followup_days": 20
          },
          "tiers": {}
        }
        """);

    public static PoolEvent? Decide(BookCustomer c, MaintenanceRules rules, string today, bool ownerActive = true) =>
        Reclaimer.Decide(c, rules.For(c), ownerActive, D(today), "test");
}
