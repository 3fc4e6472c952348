using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>Runs every classifier of a scheme over an indicator table and assembles each customer's tier,
/// segment, lifecycle stage and tags.</summary>
/// <remarks>Deterministic: each classifier reads only the table and is deterministic (k-means by its seed), so the
/// same table and scheme give an identical outcome, though on a large table the classifiers run side by side.
/// Before anything runs, the table is checked for every indicator the scheme reads, so a missing column fails at
/// once with all missing names.</remarks>
public static class SchemeRunner
{
    /// <summary>Runs <paramref name="scheme"/> over <paramref name="table"/>.</summary>
    /// <param name="table">The indicators.</param>
    /// <param name="scheme">A scheme, e.g. from <see cref="SchemeParser.Parse"/>.</param>
    /// <exception cref="ArgumentException">The table lacks indicators the scheme reads, its as-of differs from the
    /// scheme's, the scheme's references do not name classifiers, or a classifier rejects its settings or data.</exception>
    public static SchemeOutcome Run(IndicatorTable table, Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(scheme);
        if (scheme.AsOf is { } asOf && asOf != table.AsOf)
            throw new ArgumentException($"scheme '{scheme.Name}' is for as-of {asOf:yyyy-MM-dd} but the indicators are as of {table.AsOf:yyyy-MM-dd}", nameof(table));
        var missing = scheme.Classifiers
            .SelectMany(c => c.Indicators.Where(i => !table.HasNumber(i) && !table.HasText(i)).Select(i => $"{i} (classifier '{c.Name}')"))
            .ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"the indicator table lacks what scheme '{scheme.Name}' reads: {string.Join(", ", missing)}", nameof(table));
        int tier = IndexOf(scheme, scheme.TierFrom, "tier_from");
        int segment = scheme.SegmentFrom is null ? -1 : IndexOf(scheme, scheme.SegmentFrom, "segment_from");
        int lifecycle = scheme.LifecycleFrom is null ? -1 : IndexOf(scheme, scheme.LifecycleFrom, "lifecycle_from");

        // Classifiers read the table and nothing else, so they run side by side; a failure is reported for the
        // first failing classifier in scheme order, as if they had run one after another.
        var results = new ClassifierResult[scheme.Classifiers.Count];
        var failures = new Exception?[results.Length];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = table.Count < 10_000 ? 1 : Environment.ProcessorCount }, c =>
        {
            try
            {
                results[c] = scheme.Classifiers[c].Run(table);
            }
            catch (Exception e)
            {
                failures[c] = e;
            }
        });
        for (int c = 0; c < results.Length; c++)
        {
            var spec = scheme.Classifiers[c];
            if (failures[c] is ArgumentException e)
                throw new ArgumentException($"classifier '{spec.Name}' ({spec.Kind}): {e.Message}", nameof(scheme), e);
            if (failures[c] is { } other) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(other);
        }

        var tagSources = Enumerable.Range(0, results.Length)
            .Where(c => scheme.Classifiers[c] is RulesSpec { GivesTags: true }).ToArray();
        var customers = new OutcomeCustomers(table.CustomerKeys, results, tier, segment, lifecycle, tagSources);
        return new SchemeOutcome(scheme.Name, results, customers);
    }

    private static int IndexOf(Scheme scheme, string name, string setting)
    {
        for (int c = 0; c < scheme.Classifiers.Count; c++)
            if (string.Equals(scheme.Classifiers[c].Name, name, StringComparison.Ordinal)) return c;
        throw new ArgumentException($"{setting} '{name}' names no classifier of scheme '{scheme.Name}'", nameof(scheme));
    }
}
