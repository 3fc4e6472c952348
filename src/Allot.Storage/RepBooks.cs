using System.Data.Common;
using System.Globalization;

namespace Allot.Storage;

/// <summary>Per-rep books (<see cref="RepBook"/>) in one grouped query, the same SQL on SQLite and PostgreSQL.</summary>
internal static class RepBooks
{
    /// <summary>The books of the reps that own customers, by rep key (ordinal), tiers by name.</summary>
    public static IReadOnlyList<RepBook> Read(DbConnection c, IReadOnlyList<string>? reps)
    {
        if (reps is { Count: 0 }) return [];
        using var cmd = c.CreateCommand();
        string only = "";
        if (reps is not null)
        {
            only = " AND c.owner_rep IN (" + string.Join(", ", reps.Select((_, i) => "@r" + i.ToString(CultureInfo.InvariantCulture))) + ")";
            for (int i = 0; i < reps.Count; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@r" + i.ToString(CultureInfo.InvariantCulture);
                p.Value = reps[i];
                cmd.Parameters.Add(p);
            }
        }
        cmd.CommandText = $"""
            SELECT c.owner_rep, COALESCE(cr.tier, '-'), COUNT(*), SUM(COALESCE(v.clv, 0.0))
            FROM customers c
            LEFT JOIN classification_results cr ON cr.customer_key = c.key AND cr.run_id = (SELECT MAX(id) FROM classification_runs)
            LEFT JOIN value_results v ON v.customer_key = c.key AND v.run_id = (SELECT MAX(id) FROM value_runs)
            WHERE c.owner_rep IS NOT NULL{only}
            GROUP BY c.owner_rep, COALESCE(cr.tier, '-')
            """;
        var rows = new List<(string Rep, TierShare Share)>();
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                rows.Add((r.GetString(0), new TierShare(r.GetString(1), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
                    Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture))));
        return [.. rows.GroupBy(x => x.Rep, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RepBook(g.Key, g.Sum(x => x.Share.Customers), g.Sum(x => x.Share.Value),
                [.. g.Select(x => x.Share).OrderBy(t => t.Tier, StringComparer.Ordinal)]))];
    }
}
