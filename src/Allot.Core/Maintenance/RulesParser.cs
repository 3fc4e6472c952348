using System.Globalization;
using System.Text.Json;
using Allot.Core.Care;
using Allot.Core.Classification.Schemes;
using Allot.Core.Reps;

namespace Allot.Core.Maintenance;

/// <summary>Reads a rules file (JSON with comments and trailing commas, snake_case keys) into
/// <see cref="MaintenanceRules"/>.</summary>
/// <remarks>
/// Every problem — bad JSON, an unknown key (the message lists the allowed ones), a number of days that is not a
/// whole number, a region in two pools, two pools without regions, an unknown holiday — throws
/// <see cref="RulesException"/> with the file, line and column of the offending value. Each layer
/// (<c>defaults</c>, <c>tiers</c>, <c>segments</c>, <c>stages</c>, globally and per pool) is applied once to a
/// scratch copy while parsing, so a bad value is reported here rather than on the day it first applies.
/// </remarks>
public static class RulesParser
{
    private static readonly string[] TopKeys =
        ["description", "managers", "pools", "defaults", "tiers", "segments", "stages", "followups", "care", "alerts"];
    private static readonly string[] PoolKeys =
        ["name", "description", "regions", "teams", "reps", "managers", "defaults", "tiers", "segments", "stages"];
    private static readonly string[] LayerKeys = ["reclaim", "claim", "followup_days", "credit_limit"];
    private static readonly string[] ReclaimKeys =
        ["no_interaction_days", "no_order_days", "warn_days", "exempt_key_accounts", "exempt_tags", "exempt"];
    private static readonly string[] ClaimKeys = ["per_day", "per_month", "cap_by_level", "cooldown_days"];
    private static readonly string[] FollowUpKeys =
        ["new_customer_days", "new_customer_window_days", "churn_days", "churn_stages", "churn_probability_below", "horizon_weeks"];
    private static readonly string[] CareKeys =
        ["lead_days", "birthdays", "anniversaries", "holiday_tiers", "holiday_key_accounts", "holidays", "messages"];
    private static readonly string[] AlertKeys = ["receivable_grace_days", "digest_dir", "webhook"];

    /// <summary>Parses a rules file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">File name or label used in messages.</param>
    /// <exception cref="RulesException">Invalid JSON or invalid rules; the message gives file, line and column.</exception>
    public static MaintenanceRules Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonNode root;
        try
        {
            root = JsonNode.Parse(json, sourceName);
        }
        catch (SchemeException e)
        {
            // The JSON reader is shared with the scheme parser; only its wording names schemes.
            string detail = e.Detail.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
                ? "the rules file is empty; expected a JSON object"
                : e.Detail.Replace("the scheme is empty", "the rules file is empty", StringComparison.Ordinal)
                    .Replace("the scheme object", "the rules object", StringComparison.Ordinal);
            throw new RulesException(sourceName, e.Line, e.Column, detail, e);
        }
        return new Reader(sourceName).Rules(root);
    }

    /// <summary>Applies one layer (an object with reclaim, claim, followup_days, credit_limit) over a state.</summary>
    internal static void Apply(RuleLayer layer, RuleState state) => new Reader(layer.Source).ApplyLayer(layer, state);

    private sealed class Reader(string source)
    {
        public MaintenanceRules Rules(JsonNode root)
        {
            if (root.Kind != JsonValueKind.Object) throw Fail(root, "expected the rules object { \"pools\": …, \"defaults\": … }");
            Keys(root, "the rules", TopKeys);
            var managers = StringSet(root, "managers");
            var global = Layers(root, "");
            var pools = new List<PoolDefinition>();
            var poolLayers = new List<LayerSet>();
            if (root.Property("pools") is { } poolsProp)
            {
                if (poolsProp.Value.Kind != JsonValueKind.Array) throw Fail(poolsProp.Value, "pools: expected an array of pool objects");
                var regionOwner = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var node in poolsProp.Value.Items)
                {
                    if (node.Kind != JsonValueKind.Object) throw Fail(node, "expected a pool object { \"name\": …, \"regions\": […] }");
                    Keys(node, "a pool", PoolKeys);
                    string name = Str(node, "name", "a pool");
                    if (pools.Any(p => p.Name == name)) throw Fail(node.Property("name")!.Value, $"pool name '{name}' is used twice; names must be unique");
                    var regions = StringSet(node, "regions");
                    foreach (string region in regions)
                    {
                        if (regionOwner.TryGetValue(region, out string? other))
                            throw Fail(node.Property("regions")!.Value, $"region '{region}' is in pool '{other}' already; a region belongs to one pool");
                        regionOwner[region] = name;
                    }
                    if (regions.Count == 0 && pools.FirstOrDefault(p => p.CatchAll) is { } catchAll)
                        throw Fail(node, $"pool '{name}' lists no regions, and neither does pool '{catchAll.Name}'; only one pool may take the regions no other pool lists");
                    pools.Add(new PoolDefinition(name, regions, StringSet(node, "teams"), StringSet(node, "reps"), StringSet(node, "managers")));
                    poolLayers.Add(Layers(node, $"pool {name}"));
                }
            }
            if (!pools.Any(p => p.CatchAll))
            {
                string name = pools.Count == 0 ? "default" : "other";
                if (pools.Any(p => p.Name == name)) name = "(other)";
                pools.Add(new PoolDefinition(name, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>()));
                poolLayers.Add(new LayerSet(null, [], [], []));
            }
            return new MaintenanceRules(source, pools, managers, global, poolLayers, FollowUps(root), CareSection(root), AlertSection(root));
        }

        private LayerSet Layers(JsonNode node, string prefix)
        {
            string P(string s) => prefix.Length == 0 ? s : prefix + " " + s;
            RuleLayer? defaults = null;
            if (node.Property("defaults") is { } d)
            {
                defaults = new RuleLayer(P("defaults"), d.Value, source);
                ApplyLayer(defaults, new RuleState());
            }
            return new LayerSet(defaults, Map(node, "tiers", P("tier")), Map(node, "segments", P("segment")), Map(node, "stages", P("stage")));
        }

        private Dictionary<string, RuleLayer> Map(JsonNode node, string key, string label)
        {
            var map = new Dictionary<string, RuleLayer>(StringComparer.Ordinal);
            if (node.Property(key) is not { } p) return map;
            if (p.Value.Kind != JsonValueKind.Object)
                throw Fail(p.Value, $"{key}: expected an object of name → rules, e.g. {{\"A\": {{\"followup_days\": 30}}}}");
            foreach (var item in p.Value.Properties)
            {
                var layer = new RuleLayer($"{label} {item.Name}", item.Value, source);
                ApplyLayer(layer, new RuleState());
                map[item.Name] = layer;
            }
            return map;
        }

        public void ApplyLayer(RuleLayer layer, RuleState state)
        {
            var node = layer.Node;
            if (node.Kind != JsonValueKind.Object)
                throw Fail(node, $"{layer.Label}: expected an object with any of {string.Join(", ", LayerKeys)}");
            Keys(node, layer.Label, LayerKeys);
            if (node.Property("reclaim") is { } r)
            {
                var v = r.Value;
                if (v.Kind != JsonValueKind.Object) throw Fail(v, "reclaim: expected an object with any of " + string.Join(", ", ReclaimKeys));
                Keys(v, "reclaim", ReclaimKeys);
                if (v.Property("no_interaction_days") is { } a) state.NoInteractionDays = Days(a.Value, "reclaim.no_interaction_days", 1, nullable: true);
                if (v.Property("no_order_days") is { } b) state.NoOrderDays = Days(b.Value, "reclaim.no_order_days", 1, nullable: true);
                if (v.Property("warn_days") is { } w) state.WarnDays = Days(w.Value, "reclaim.warn_days", 0, nullable: false)!.Value;
                if (v.Property("exempt_key_accounts") is { } k) state.ExemptKeyAccounts = Bool(k.Value, "reclaim.exempt_key_accounts");
                if (v.Property("exempt_tags") is { } t) state.ExemptTags = [.. Strings(t.Value, "reclaim.exempt_tags")];
                if (v.Property("exempt") is { } e) state.Exempt = Bool(e.Value, "reclaim.exempt");
            }
            if (node.Property("claim") is { } c)
            {
                var v = c.Value;
                if (v.Kind != JsonValueKind.Object) throw Fail(v, "claim: expected an object with any of " + string.Join(", ", ClaimKeys));
                Keys(v, "claim", ClaimKeys);
                if (v.Property("per_day") is { } a) state.PerDay = Days(a.Value, "claim.per_day", 0, nullable: true, what: "a whole number of claims");
                if (v.Property("per_month") is { } b) state.PerMonth = Days(b.Value, "claim.per_month", 0, nullable: true, what: "a whole number of claims");
                if (v.Property("cooldown_days") is { } cd) state.CooldownDays = Days(cd.Value, "claim.cooldown_days", 0, nullable: false)!.Value;
                if (v.Property("cap_by_level") is { } cap)
                {
                    if (cap.Value.Kind != JsonValueKind.Object)
                        throw Fail(cap.Value, "claim.cap_by_level: expected {\"junior\": 200, \"mid\": 300, \"senior\": 500} (null: no cap)");
                    var levels = Enum.GetNames<RepLevel>().Select(n => n.ToLowerInvariant()).ToArray();
                    Keys(cap.Value, "claim.cap_by_level", levels);
                    foreach (var level in cap.Value.Properties)
                    {
                        var parsed = Enum.Parse<RepLevel>(level.Name, ignoreCase: true);
                        int? n = Days(level.Value, $"claim.cap_by_level.{level.Name}", 0, nullable: true, what: "a whole number of customers");
                        if (n is null) state.CapByLevel.Remove(parsed);
                        else state.CapByLevel[parsed] = n.Value;
                    }
                }
            }
            if (node.Property("followup_days") is { } f) state.FollowUpDays = Days(f.Value, "followup_days", 1, nullable: true);
            if (node.Property("credit_limit") is { } cl)
            {
                if (cl.Value.Kind == JsonValueKind.Null) state.CreditLimit = null;
                else if (cl.Value.Kind != JsonValueKind.Number || !(cl.Value.Number >= 0) || !double.IsFinite(cl.Value.Number) || cl.Value.Number > 1e15)
                    throw Fail(cl.Value, "credit_limit: expected an amount ≥ 0, or null for no limit");
                else state.CreditLimit = (decimal)cl.Value.Number;
            }
            state.Origin.Add(layer.Label);
        }

        private FollowUpSettings FollowUps(JsonNode root)
        {
            int newDays = 7, window = 90, churnDays = 14, horizon = 4;
            double below = 0.5;
            IReadOnlySet<string> stages = new HashSet<string>(["declining", "dormant", "衰退", "沉睡"], StringComparer.Ordinal);
            if (root.Property("followups") is { } p)
            {
                var v = p.Value;
                if (v.Kind != JsonValueKind.Object) throw Fail(v, "followups: expected an object with any of " + string.Join(", ", FollowUpKeys));
                Keys(v, "followups", FollowUpKeys);
                if (v.Property("new_customer_days") is { } a) newDays = Days(a.Value, "followups.new_customer_days", 0, false)!.Value;
                if (v.Property("new_customer_window_days") is { } b) window = Days(b.Value, "followups.new_customer_window_days", 1, false)!.Value;
                if (v.Property("churn_days") is { } c) churnDays = Days(c.Value, "followups.churn_days", 0, false)!.Value;
                if (v.Property("horizon_weeks") is { } h) horizon = Days(h.Value, "followups.horizon_weeks", 1, false, "a whole number of weeks")!.Value;
                if (v.Property("churn_stages") is { } s) stages = new HashSet<string>(Strings(s.Value, "followups.churn_stages"), StringComparer.Ordinal);
                if (v.Property("churn_probability_below") is { } pb)
                {
                    if (pb.Value.Kind != JsonValueKind.Number || pb.Value.Number is < 0 or > 1)
                        throw Fail(pb.Value, "followups.churn_probability_below: expected a probability between 0 and 1");
                    below = pb.Value.Number;
                }
            }
            return new FollowUpSettings(newDays, window, churnDays, stages, below, horizon);
        }

        private CareSettings CareSection(JsonNode root)
        {
            int lead = 3;
            bool birthdays = true, anniversaries = true, keyAccounts = true;
            IReadOnlySet<string> tiers = new HashSet<string>(["A"], StringComparer.Ordinal);
            IReadOnlyList<Holiday> holidays = HolidayCalendar.Default;
            CareTemplate birthday = CareTemplate.DefaultBirthday, anniversary = CareTemplate.DefaultAnniversary, holiday = CareTemplate.DefaultHoliday;
            if (root.Property("care") is { } p)
            {
                var v = p.Value;
                if (v.Kind != JsonValueKind.Object) throw Fail(v, "care: expected an object with any of " + string.Join(", ", CareKeys));
                Keys(v, "care", CareKeys);
                if (v.Property("lead_days") is { } l) lead = Days(l.Value, "care.lead_days", 0, false)!.Value;
                if (v.Property("birthdays") is { } b) birthdays = Bool(b.Value, "care.birthdays");
                if (v.Property("anniversaries") is { } a) anniversaries = Bool(a.Value, "care.anniversaries");
                if (v.Property("holiday_key_accounts") is { } k) keyAccounts = Bool(k.Value, "care.holiday_key_accounts");
                if (v.Property("holiday_tiers") is { } t) tiers = new HashSet<string>(Strings(t.Value, "care.holiday_tiers"), StringComparer.Ordinal);
                if (v.Property("holidays") is { } h) holidays = Holidays(h.Value);
                if (v.Property("messages") is { } m)
                {
                    if (m.Value.Kind != JsonValueKind.Object) throw Fail(m.Value, "care.messages: expected {\"birthday\": {\"zh\": …, \"en\": …}, \"anniversary\": …, \"holiday\": …}");
                    Keys(m.Value, "care.messages", ["birthday", "anniversary", "holiday"]);
                    if (m.Value.Property("birthday") is { } mb) birthday = Template(mb.Value, "care.messages.birthday", birthday);
                    if (m.Value.Property("anniversary") is { } ma) anniversary = Template(ma.Value, "care.messages.anniversary", anniversary);
                    if (m.Value.Property("holiday") is { } mh) holiday = Template(mh.Value, "care.messages.holiday", holiday);
                }
            }
            return new CareSettings(lead, birthdays, anniversaries, tiers, keyAccounts, holidays, birthday, anniversary, holiday);
        }

        private List<Holiday> Holidays(JsonNode list)
        {
            if (list.Kind != JsonValueKind.Array)
                throw Fail(list, "care.holidays: expected an array of built-in names (e.g. \"spring_festival\") or {\"name\": …, \"name_en\": …, \"date\": \"MM-dd\"}");
            var holidays = new List<Holiday>();
            foreach (var item in list.Items)
            {
                Holiday holiday;
                if (item.Kind == JsonValueKind.String)
                {
                    holiday = HolidayCalendar.Find(item.Text!) ?? throw Fail(item,
                        $"unknown holiday '{item.Text}'; built in: {string.Join(", ", HolidayCalendar.BuiltIn.Select(h => $"{h.Key} ({h.Name})"))}");
                }
                else if (item.Kind == JsonValueKind.Object)
                {
                    Keys(item, "a holiday", ["name", "name_en", "date", "dates"]);
                    string name = Str(item, "name", "a holiday");
                    string english = item.Property("name_en") is { } en ? (en.Value.Kind == JsonValueKind.String ? en.Value.Text! : throw Fail(en.Value, "name_en: expected a string")) : name;
                    var date = item.Property("date");
                    var dates = item.Property("dates");
                    if ((date is null) == (dates is null))
                        throw Fail(item, $"holiday '{name}': give either \"date\": \"MM-dd\" (every year) or \"dates\": {{\"2026\": \"2026-02-17\"}} (per year)");
                    if (date is not null)
                    {
                        if (date.Value.Kind != JsonValueKind.String || !DateOnly.TryParseExact("2000-" + date.Value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var md))
                            throw Fail(date.Value, "date: expected \"MM-dd\", e.g. \"06-18\"");
                        holiday = Holiday.Fixed(name, name, english, md.Month, md.Day);
                    }
                    else
                    {
                        if (dates!.Value.Kind != JsonValueKind.Object) throw Fail(dates.Value, "dates: expected {\"2026\": \"2026-02-17\", …}");
                        var byYear = new Dictionary<int, DateOnly>();
                        foreach (var d in dates.Value.Properties)
                        {
                            if (d.Value.Kind != JsonValueKind.String || !DateOnly.TryParseExact(d.Value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                                || !int.TryParse(d.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || day.Year != year)
                                throw new RulesException(source, d.Line, d.Column, $"dates: expected \"YYYY\": \"YYYY-MM-dd\" with the same year, e.g. \"2026\": \"2026-02-17\"");
                            byYear[year] = day;
                        }
                        holiday = new Holiday(name, name, english, null, null, byYear);
                    }
                }
                else throw Fail(item, "expected a built-in holiday's name or a holiday object");
                if (holidays.Any(h => h.Key == holiday.Key)) throw Fail(item, $"holiday '{holiday.Key}' is listed twice");
                holidays.Add(holiday);
            }
            return holidays;
        }

        private CareTemplate Template(JsonNode node, string where, CareTemplate fallback)
        {
            if (node.Kind != JsonValueKind.Object) throw Fail(node, $"{where}: expected {{\"zh\": \"…\", \"en\": \"…\"}}");
            Keys(node, where, ["zh", "en"]);
            string zh = node.Property("zh") is { } z ? (z.Value.Kind == JsonValueKind.String ? z.Value.Text! : throw Fail(z.Value, $"{where}.zh: expected text")) : fallback.Chinese;
            string en = node.Property("en") is { } e ? (e.Value.Kind == JsonValueKind.String ? e.Value.Text! : throw Fail(e.Value, $"{where}.en: expected text")) : fallback.English;
            return new CareTemplate(zh, en);
        }

        private AlertSettings AlertSection(JsonNode root)
        {
            int grace = 0, timeout = 10;
            string? dir = null;
            Uri? url = null;
            if (root.Property("alerts") is { } p)
            {
                var v = p.Value;
                if (v.Kind != JsonValueKind.Object) throw Fail(v, "alerts: expected an object with any of " + string.Join(", ", AlertKeys));
                Keys(v, "alerts", AlertKeys);
                if (v.Property("receivable_grace_days") is { } g) grace = Days(g.Value, "alerts.receivable_grace_days", 0, false)!.Value;
                if (v.Property("digest_dir") is { } d && d.Value.Kind != JsonValueKind.Null)
                    dir = d.Value.Kind == JsonValueKind.String && d.Value.Text!.Length > 0 ? d.Value.Text : throw Fail(d.Value, "alerts.digest_dir: expected a folder path, or null");
                if (v.Property("webhook") is { } w && w.Value.Kind != JsonValueKind.Null)
                {
                    if (w.Value.Kind != JsonValueKind.Object) throw Fail(w.Value, "alerts.webhook: expected {\"url\": \"https://…\", \"timeout_seconds\": 10}");
                    Keys(w.Value, "alerts.webhook", ["url", "timeout_seconds"]);
                    if (w.Value.Property("url") is { } u && u.Value.Kind != JsonValueKind.Null)
                    {
                        if (u.Value.Kind != JsonValueKind.String || !Uri.TryCreate(u.Value.Text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
                            throw Fail(u.Value, "alerts.webhook.url: expected an http:// or https:// address");
                    }
                    if (w.Value.Property("timeout_seconds") is { } t) timeout = Days(t.Value, "alerts.webhook.timeout_seconds", 1, false, "a whole number of seconds")!.Value;
                }
            }
            return new AlertSettings(grace, dir, url, timeout);
        }

        private int? Days(JsonNode v, string where, int min, bool nullable, string what = "a whole number of days")
        {
            if (v.Kind == JsonValueKind.Null && nullable) return null;
            if (v.Kind != JsonValueKind.Number || v.Number != Math.Floor(v.Number) || v.Number < min || v.Number > 100_000)
                throw Fail(v, $"{where}: expected {what} ≥ {min}" + (nullable ? ", or null to switch it off" : ""));
            return (int)v.Number;
        }

        private bool Bool(JsonNode v, string where) => v.Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(v, $"{where}: expected true or false"),
        };

        private string[] Strings(JsonNode v, string where)
        {
            if (v.Kind != JsonValueKind.Array || v.Items.Any(i => i.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(i.Text)))
                throw Fail(v, $"{where}: expected an array of names, e.g. [\"a\", \"b\"]");
            return [.. v.Items.Select(i => i.Text!)];
        }

        private HashSet<string> StringSet(JsonNode node, string key) =>
            node.Property(key) is { } p ? new HashSet<string>(Strings(p.Value, key), StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);

        private string Str(JsonNode node, string key, string where)
        {
            var p = node.Property(key) ?? throw Fail(node, $"{where} needs '{key}'");
            if (p.Value.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.Text)) throw Fail(p.Value, $"{key}: expected a non-empty string");
            return p.Value.Text!;
        }

        private void Keys(JsonNode node, string where, string[] allowed)
        {
            foreach (var p in node.Properties)
                if (!allowed.Contains(p.Name))
                    throw new RulesException(source, p.Line, p.Column, $"unknown key '{p.Name}' in {where}; allowed: {string.Join(", ", allowed)}");
        }

        private RulesException Fail(JsonNode node, string detail) => new(source, node.Line, node.Column, detail);
    }
}
