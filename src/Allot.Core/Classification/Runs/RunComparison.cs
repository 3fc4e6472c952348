namespace Allot.Core.Classification.Runs;

/// <summary>Two classification runs side by side: the migration matrix between their tiers and who moved.</summary>
/// <param name="Tiers">Tiers best first: the given order, then tiers met but not in it (by name).</param>
/// <param name="Cells">Non-empty cells, by from-tier then to-tier in <see cref="Tiers"/> order, new and gone last.</param>
/// <param name="Up">Customers now in a better tier, largest revenue first (ties by key).</param>
/// <param name="Down">Customers now in a worse tier, largest revenue lost first (ties by key).</param>
public sealed record RunComparison(IReadOnlyList<string> Tiers, IReadOnlyList<MigrationCell> Cells, IReadOnlyList<TierMove> Up, IReadOnlyList<TierMove> Down)
{
    /// <summary>Compares two runs' tiers.</summary>
    /// <param name="tierOrder">Tiers best first (the tier classifier's classes); tiers not listed rank after them.</param>
    /// <param name="first">The earlier run: key, tier, revenue per customer.</param>
    /// <param name="second">The later run.</param>
    public static RunComparison Compare(IReadOnlyList<string> tierOrder,
        IEnumerable<(string Key, string Tier, double Revenue)> first, IEnumerable<(string Key, string Tier, double Revenue)> second)
    {
        var a = first.ToDictionary(x => x.Key, StringComparer.Ordinal);
        var b = second.ToDictionary(x => x.Key, StringComparer.Ordinal);
        var tiers = tierOrder.Concat(a.Values.Select(x => x.Tier).Concat(b.Values.Select(x => x.Tier))
            .Where(t => !tierOrder.Contains(t)).Distinct().Order(StringComparer.Ordinal)).ToList();
        int Rank(string? tier) => tier is null ? tiers.Count : tiers.IndexOf(tier);

        var moves = a.Keys.Union(b.Keys).Order(StringComparer.Ordinal).Select(key =>
        {
            bool inA = a.TryGetValue(key, out var x), inB = b.TryGetValue(key, out var y);
            return new TierMove(key, inA ? x.Tier : null, inB ? y.Tier : null, inA ? x.Revenue : 0, inB ? y.Revenue : 0);
        }).ToList();

        var cells = moves.GroupBy(m => (m.From, m.To))
            .Select(g => new MigrationCell(g.Key.From, g.Key.To, g.Count(), g.Sum(m => m.To is null ? m.RevenueFrom : m.RevenueTo)))
            .OrderBy(c => Rank(c.From)).ThenBy(c => Rank(c.To)).ToList();
        var up = moves.Where(m => m.From is not null && m.To is not null && Rank(m.To) < Rank(m.From))
            .OrderByDescending(m => m.RevenueTo).ThenBy(m => m.CustomerKey, StringComparer.Ordinal).ToList();
        var down = moves.Where(m => m.From is not null && m.To is not null && Rank(m.To) > Rank(m.From))
            .OrderByDescending(m => m.RevenueFrom - m.RevenueTo).ThenBy(m => m.CustomerKey, StringComparer.Ordinal).ToList();
        return new RunComparison(tiers, cells, up, down);
    }
}
