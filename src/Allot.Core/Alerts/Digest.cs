using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allot.Core.Maintenance;

namespace Allot.Core.Alerts;

/// <summary>The daily digest: per rep, its customers' alerts; per manager, its pools' alerts with counts per rep.</summary>
/// <param name="Day">The business day.</param>
/// <param name="Totals">Alerts per kind over the whole book.</param>
/// <param name="Reps">One entry per rep with alerts, by key.</param>
/// <param name="Managers">One entry per manager named in the rules, by name.</param>
public sealed record Digest(DateOnly Day, IReadOnlyDictionary<AlertKind, int> Totals, IReadOnlyList<DigestEntry> Reps, IReadOnlyList<DigestEntry> Managers)
{
    /// <summary>Alerts listed per recipient, most pressing first; the counts cover all of them.</summary>
    public const int MaxItems = 50;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the digest.</summary>
    /// <param name="day">The business day.</param>
    /// <param name="alerts">Every alert of the day.</param>
    /// <param name="rules">The rules (pools and their managers).</param>
    public static Digest Build(DateOnly day, IReadOnlyCollection<Alert> alerts, MaintenanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = alerts.OrderBy(a => a.Date).ThenBy(a => a.Kind).ThenBy(a => a.CustomerKey, StringComparer.Ordinal).ToList();
        var reps = ordered.Where(a => a.RepKey is not null).GroupBy(a => a.RepKey!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Entry(g.Key, "rep", [], g.ToList(), byRep: false)).ToList();
        var managers = rules.Managers.Concat(rules.Pools.SelectMany(p => p.Managers)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(m =>
            {
                var pools = rules.Pools.Where(p => rules.IsManager(m, p)).Select(p => p.Name).ToList();
                var set = new HashSet<string>(pools, StringComparer.Ordinal);
                // Pool customers' alerts (no owner to tell) before the reps', each group oldest first.
                var mine = ordered.Where(a => set.Contains(a.Pool)).OrderBy(a => a.RepKey is null ? 0 : 1).ToList();
                return Entry(m, "manager", pools, mine, byRep: true);
            }).ToList();
        return new Digest(day, Count(ordered), reps, managers);
    }

    /// <summary>The digest as JSON (what is written to the digest file and POSTed to the webhook).</summary>
    public string ToJson()
    {
        JsonObject Counts(IReadOnlyDictionary<AlertKind, int> counts) =>
            new(AlertKinds.All.Select(k => KeyValuePair.Create(AlertKinds.Name(k), (JsonNode?)JsonValue.Create(counts.GetValueOrDefault(k)))));
        JsonObject Item(Alert a) => new()
        {
            ["kind"] = AlertKinds.Name(a.Kind), ["customer"] = a.CustomerKey, ["name"] = a.CustomerName, ["rep"] = a.RepKey, ["pool"] = a.Pool,
            ["date"] = Iso(a.Date), ["amount"] = a.Amount, ["message"] = a.Message,
        };
        JsonObject EntryJson(DigestEntry e)
        {
            var o = new JsonObject { [e.Role] = e.Recipient };
            if (e.Role == "manager") o["pools"] = new JsonArray([.. e.Pools.Select(p => (JsonNode?)JsonValue.Create(p))]);
            o["total"] = e.Total;
            o["counts"] = Counts(e.Counts);
            if (e.Role == "manager") o["by_rep"] = new JsonObject(e.ByRep.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
            o["alerts"] = new JsonArray([.. e.Alerts.Select(a => (JsonNode?)Item(a))]);
            return o;
        }
        var root = new JsonObject
        {
            ["day"] = Iso(Day),
            ["totals"] = Counts(Totals),
            ["reps"] = new JsonArray([.. Reps.Select(e => (JsonNode?)EntryJson(e))]),
            ["managers"] = new JsonArray([.. Managers.Select(e => (JsonNode?)EntryJson(e))]),
        };
        return root.ToJsonString(JsonOptions);
    }

    private static DigestEntry Entry(string recipient, string role, IReadOnlyList<string> pools, List<Alert> alerts, bool byRep)
    {
        var perRep = byRep
            ? alerts.GroupBy(a => a.RepKey ?? "-", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
            : new Dictionary<string, int>();
        return new DigestEntry(recipient, role, pools, Count(alerts), perRep, [.. alerts.Take(MaxItems)]);
    }

    private static Dictionary<AlertKind, int> Count(IEnumerable<Alert> alerts)
    {
        var counts = AlertKinds.All.ToDictionary(k => k, _ => 0);
        foreach (var a in alerts) counts[a.Kind]++;
        return counts;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
